import { MAIN_ENTRANCE_LABEL } from '../../shared/domain/venue';
/**
 * The wording printed on posters. Posters are official documents of the commune office:
 * always in Vietnamese, whatever language the app's screens are in, so this is not i18n.
 */
export const POSTER_TEXT = {
  qrLabel: 'Mã QR check-in của cơ sở',
  scan: 'Quét mã QR bằng điện thoại khi vào cơ sở',
  manual: 'Nếu không quét được, nhập mã:',
  /**
   * For wall posters (A4, A5). A laminated poster facing a lamp or a window reflects it
   * straight into the phone's camera, which then cannot read the code: hence the glare advice.
   */
  placementWall:
    'Dán ở lối vào, cao ngang tầm mắt khoảng 1,3 m, nơi đủ sáng, không bị cửa hay hàng hoá che; nên ép plastic, và áp phích ép plastic quay tránh đèn và cửa sổ để không bị loá.',
  /** For the A6 table card; glare as for wall posters. */
  placementCard:
    'Đặt trên bàn hoặc quầy, nơi khách dễ thấy và đủ sáng, không bị đồ vật che; nên ép plastic, và thẻ ép plastic quay tránh đèn và cửa sổ để không bị loá.',
  postingPoint: (label: string) => `Vị trí: ${label}`,
  issued: (issuedOn: string, revision: number) => `Cấp ngày ${issuedOn} · lần cấp ${revision}`,
} as const;


/** Whether a poster should say where it belongs: not for the main entrance, however it was typed. */
export function namesPostingPoint(label: string): boolean {
  const normalised = label.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return normalised !== '' && normalised !== MAIN_ENTRANCE_LABEL.toLocaleLowerCase('vi');
}

/** The header: the office as written on official papers, in capitals. */
export const officeHeader = (officeName: string) => officeName.trim().toLocaleUpperCase('vi');
