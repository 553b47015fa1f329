import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { guideHtml, type GuideLanguage } from './guide-html';
import './guide.css';

/** The user guide inside the app (Help → user guide, or the header's link): offline, in the window's language unless asked. */
export function GuidePage() {
  const { t, i18n } = useTranslation();
  const { language: asked } = useParams();
  const language: GuideLanguage = asked === 'vi' || asked === 'en' ? asked : i18n.language.startsWith('vi') ? 'vi' : 'en';
  const other: GuideLanguage = language === 'vi' ? 'en' : 'vi';
  return (
    <section className="guide">
      <p className="guide-switch">
        <Link to={`/guide/${other}`}>{t(`guide.read.${other}`)}</Link>
      </p>
      {/* Our own Markdown from docs/, bundled at build time: no user text reaches this HTML. */}
      <article lang={language} dangerouslySetInnerHTML={{ __html: guideHtml(language) }} />
    </section>
  );
}
