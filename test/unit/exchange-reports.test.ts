import { describe, expect, it } from 'vitest';
import { sentenceText } from '../../shared/domain/report-layout';
import type { ReportRequestInput } from '../../shared/domain/reports';
import { useFreshCore } from '../support/core';
import { communeOffice, fillRegister, receiveInput, sendPackage, upperOffice } from '../support/exchange-offices';

const freshCore = useFreshCore();

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

const request = (params: ReportRequestInput['params']): ReportRequestInput => ({
  params,
  number: '7/BC-UBND',
  recipients: ['Bộ Công an'],
  signerTitle: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
  signerName: '',
  proposals: [],
});

describe('the province, once two communes\' packages are in', () => {
  it('counts both in Tổng quan and in Báo cáo, whose first sentence names the total, under the province\'s own heading', { timeout: 60_000 }, async () => {
    const bac = await communeOffice(freshCore(), 'kyBac');
    const phong = await communeOffice(freshCore(), 'kyPhong');
    await fillRegister(bac, ['Chợ Kỳ Bắc', 'Quán Hoà Bình']);
    await fillRegister(phong, ['Chợ Kỳ Phong', 'Tiệm vàng Kim Long', 'Nhà nghỉ Sông Trí']);
    const upper = await upperOffice(freshCore(), [{ office: bac, commune: 'kyBac' }, { office: phong, commune: 'kyPhong' }]);
    await upper.core.call('exchange.receive', receiveInput(await sendPackage(bac)));
    await upper.core.call('exchange.receive', receiveInput(await sendPackage(phong)));

    const below = [(await bac.core.call('dashboard.figures', NOVEMBER)).totals, (await phong.core.call('dashboard.figures', NOVEMBER)).totals];
    const above = (await upper.core.call('dashboard.figures', NOVEMBER)).totals;
    expect(above.registered).toBe(below[0].registered + below[1].registered);
    expect(above.scans).toBe(below[0].scans + below[1].scans);

    const { content } = await upper.core.call('reports.preview', request(NOVEMBER));
    expect(content.figures.totals).toEqual(above);
    expect(content).toMatchObject({ officeName: 'UBND TỈNH HÀ TĨNH', place: 'Hà Tĩnh', areaName: null });
    const [registered, , scans] = content.overview.map(sentenceText);
    expect(registered).toBe('Trên địa bàn có 5 cơ sở đã đăng ký niêm yết mã QR, trong đó 5 cơ sở đang hoạt động, 2 cơ sở có mã QR còn hiệu lực.');
    expect(scans).toContain('ghi nhận 600 lượt quét mã QR');

    // One commune of the province: its own venues only.
    const phongOnly = (await upper.core.call('reports.preview', request({ ...NOVEMBER, communeId: upper.communes.kyPhong }))).content;
    expect(sentenceText(phongOnly.overview[0])).toMatch(/^Trên địa bàn xã Kỳ Phong có 3 cơ sở đã đăng ký/);
  });
});
