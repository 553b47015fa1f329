import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate } from '../../main/electron/menu-template';

const noActions = { openGuide: () => {}, openDataFolder: () => {}, showAbout: () => {} };

/** Every role and label in the menu, submenus included. */
function entries(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? entries(item.submenu) : []),
  ]);
}

describe('the desktop menu', () => {
  it('has no reload or developer tools in an installed build, and has them while developing', () => {
    const installed = entries(appMenuTemplate({ packaged: true, locale: 'vi', actions: noActions }));
    expect(installed).not.toContain('reload');
    expect(installed).not.toContain('toggleDevTools');
    expect(installed).toEqual(expect.arrayContaining(['copy', 'paste', 'zoomIn', 'quit']));
    const developing = entries(appMenuTemplate({ packaged: false, locale: 'vi', actions: noActions }));
    expect(developing).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('speaks the system language and its own entries do what they say', () => {
    const opened: string[] = [];
    const actions = { openGuide: () => opened.push('guide'), openDataFolder: () => opened.push('data'), showAbout: () => opened.push('about') };
    const vietnamese = appMenuTemplate({ packaged: true, locale: 'vi-VN', actions });
    expect(vietnamese.map((menu) => menu.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
    expect(appMenuTemplate({ packaged: true, locale: 'en-US', actions }).map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const click = (menu: number, label: string) =>
      (vietnamese[menu].submenu as MenuItemConstructorOptions[]).find((item) => item.label === label)!.click!({} as never, undefined, {} as never);
    click(0, 'Mở thư mục dữ liệu');
    click(3, 'Hướng dẫn sử dụng');
    click(3, 'Mở thư mục dữ liệu');
    click(3, 'Giới thiệu Điểm QR');
    expect(opened).toEqual(['data', 'guide', 'data', 'about']);
  });
});
