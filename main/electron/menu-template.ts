import type { MenuItemConstructorOptions } from 'electron';

/** What the menu's own entries do; the shell supplies them (Electron calls), tests supply plain functions. */
export interface MenuActions {
  openGuide(): void;
  openDataFolder(): void;
  showAbout(): void;
}

export interface MenuOptions {
  /** An installed build: no Reload (Ctrl+R in the middle of an import must not reload) and no DevTools. */
  packaged: boolean;
  /** The system's language: Vietnamese labels on a Vietnamese Windows, English elsewhere. */
  locale: string;
  actions: MenuActions;
}

const LABELS = {
  vi: { file: 'Tệp', dataFolder: 'Mở thư mục dữ liệu', quit: 'Thoát', edit: 'Sửa', view: 'Xem', help: 'Trợ giúp', guide: 'Hướng dẫn sử dụng', about: 'Giới thiệu Điểm QR' },
  en: { file: 'File', dataFolder: 'Open the data folder', quit: 'Quit', edit: 'Edit', view: 'View', help: 'Help', guide: 'User guide', about: 'About Điểm QR' },
};

/**
 * The desktop app's own menu instead of Electron's default one: the clipboard and zoom
 * keys clerks use, the user guide, the data folder, and no reload or developer tools in an installed build.
 */
export function appMenuTemplate({ packaged, locale, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const label = locale.toLowerCase().startsWith('vi') ? LABELS.vi : LABELS.en;
  const developer: MenuItemConstructorOptions[] = packaged ? [] : [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }];
  return [
    { label: label.file, submenu: [{ label: label.dataFolder, click: actions.openDataFolder }, { type: 'separator' }, { role: 'quit', label: label.quit }] },
    {
      label: label.edit,
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    { label: label.view, submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }, ...developer] },
    {
      label: label.help,
      submenu: [
        { label: label.guide, accelerator: 'F1', click: actions.openGuide },
        { label: label.dataFolder, click: actions.openDataFolder },
        { type: 'separator' },
        { label: label.about, click: actions.showAbout },
      ],
    },
  ];
}
