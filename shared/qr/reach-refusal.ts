import { postersThatHold, qrPlanFor } from './qr-options';
import { POSTER_QR, type PosterSize } from './reach';

export interface Sentence {
  vi: string;
  en: string;
}

/** Rounded down: a reach just short of the goal never reads as meeting it ("2,4 m, cần 2,5 m"). */
const metres = (value: number, lang: keyof Sentence) => `${(Math.floor(value * 10) / 10).toFixed(1).replace('.', lang === 'vi' ? ',' : '.')} m`;
const sizeName = (poster: PosterSize) => poster.toUpperCase();

/**
 * Why a code is refused on a poster size, naming the sizes that can print it, or null when it
 * reads from that poster's distance. Main puts the Vietnamese sentence in its refusal; the
 * renderer shows either before asking.
 */
export function reachRefusal(payload: string, poster: PosterSize): Sentence | null {
  const plan = qrPlanFor(payload, poster);
  if (plan?.reaches) return null;
  const { distanceM, where } = POSTER_QR[poster];
  const others = postersThatHold(payload);
  const length = payload.length.toLocaleString('vi');
  const vi = plan
    ? `Mã dài ${length} ký tự: trên khổ ${sizeName(poster)} chỉ đọc được từ ${metres(plan.reachM, 'vi')}, cần ${metres(distanceM, 'vi')} (${where.vi}).`
    : `Mã dài ${length} ký tự: không mã QR nào chứa được.`;
  const en = plan
    ? `The code is ${payload.length.toLocaleString('en')} characters long: on ${sizeName(poster)} it reads from ${metres(plan.reachM, 'en')} only, ${metres(distanceM, 'en')} is needed (${where.en}).`
    : `The code is ${payload.length.toLocaleString('en')} characters long: no QR code can hold it.`;
  if (others.length === 0) return { vi: `${vi} Không khổ giấy nào in được mã này đủ rõ: cần một mã ngắn hơn.`, en: `${en} No poster size prints it legibly: a shorter code is needed.` };
  const can = others.map(sizeName).join(', ');
  return { vi: `${vi} Hãy in khổ ${can}.`, en: `${en} Print it on ${can}.` };
}
