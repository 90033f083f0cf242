// Every permission a page can ask for (camera, notifications, geolocation, clipboard-read,
// HID, serial, USB, fullscreen, openExternal, …) is refused: the reviewer's UI needs none.
// Shaped as Electron's handlers so they can be passed as they are.

export const denyPermissionRequest = (_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void => {
  callback(false);
};

export const denyPermissionCheck = (): boolean => false;

export const denyDevicePermission = (): boolean => false;
