/**
 * The window frame both processes draw: the main process colours Windows' caption-button
 * overlay and the renderer its title area and navigation pane, and they must match.
 */

/** The window's ground: Windows 11's Mica in light mode, behind the title area and the navigation. */
export const WINDOW_GROUND = '#f3f3f3';
/** The caption buttons' colour on that ground (Fluent's neutral foreground). */
export const WINDOW_SYMBOLS = '#242424';
/** The title area's height in CSS pixels, the same as the caption-button overlay's on Windows. */
export const TITLE_AREA_HEIGHT = 48;
