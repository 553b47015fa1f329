import { Marked } from 'marked';
import englishGuide from '../../docs/user-guide.en.md?raw';
import vietnameseGuide from '../../docs/huong-dan-su-dung.md?raw';

/** The pictures, bundled with the app: "images/05-co-so.png" in the text → the built file's URL. */
const PICTURES = import.meta.glob('../../docs/images/*.png', { eager: true, query: '?url', import: 'default' });
const pictureUrl = (href: string) => PICTURES[`../../docs/${href}`] ?? href;

/** The other language's file, as the guide links to it on GitHub → the same page in the app. */
const GUIDE_ROUTES: Record<string, string> = { 'huong-dan-su-dung.md': '#/guide/vi', 'user-guide.en.md': '#/guide/en' };

/**
 * The guide is the docs/ folder's Markdown, written by us and bundled at build time (never
 * anybody's input), turned into HTML once per language with its pictures and links made
 * to work inside the app.
 */
const marked = new Marked({
  walkTokens(token) {
    if (token.type === 'image') token.href = pictureUrl(token.href);
    if (token.type === 'link') token.href = GUIDE_ROUTES[token.href] ?? token.href;
  },
});

export type GuideLanguage = 'vi' | 'en';
const cache = new Map<GuideLanguage, string>();

export function guideHtml(language: GuideLanguage): string {
  let html = cache.get(language);
  if (html === undefined) {
    html = marked.parse(language === 'vi' ? vietnameseGuide : englishGuide, { async: false });
    cache.set(language, html);
  }
  return html;
}
