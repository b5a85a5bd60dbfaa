/** Debian's Chromium, started the way this offline machine needs (see README "Tests"). */
export const chromiumLaunchOptions = {
  executablePath: process.env.FIELDGUARD_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
};
