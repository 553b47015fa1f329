import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import { appMenuTemplate } from './menu-template';

/** Installs the app's menu; Help opens the user guide in the window; the About box says the version and where the data lives. */
export function installAppMenu(dataDir: string): void {
  const template = appMenuTemplate({
    packaged: app.isPackaged,
    locale: app.getLocale(),
    actions: {
      // The guide is a page of the app (#/guide, bundled from docs/): the window goes there, offline.
      openGuide: () => void BrowserWindow.getAllWindows()[0]?.webContents.executeJavaScript("location.hash = '#/guide'"),
      openDataFolder: () => void shell.openPath(dataDir),
      showAbout: () =>
        void dialog.showMessageBox({
          type: 'info',
          title: 'Điểm QR',
          message: `Điểm QR ${app.getVersion()}`,
          detail: `Thư mục dữ liệu / data folder:\n${dataDir}`,
        }),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
