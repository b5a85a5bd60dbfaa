/**
 * Decodes `productState` of Windows Security Center's WMI classes
 * (`root/SecurityCenter2` AntiVirusProduct, AntiSpywareProduct, FirewallProduct).
 *
 * Microsoft has never documented this number; the only public decoding is the community's,
 * reverse-engineered from observed values:
 * - neophob.com, "WMI Query Windows SecurityCenter2" (2010): read as hex 0xAABBCC, AA is a
 *   WSC_SECURITY_PROVIDER bit set (documented enum: 1 firewall, 2 auto-update settings,
 *   4 antivirus, 8 antispyware, ...), BB the scanner state (0x10 running), CC the
 *   definitions (0x00 up to date, 0x10 out of date);
 * - Stack Overflow question 4700897 "WMI Security Center productState clarification", with
 *   the list of values seen on 10,000+ endpoints (BigFix analysis 2998358).
 *
 * How sure that is:
 * - BB bit 0x10 = enabled (real-time scanning on) fits every published observation, e.g.
 *   Defender active reports 397568 (0x061100) and Defender passive next to a third-party
 *   product reports 393472 (0x060100). We read "enabled" from that bit only.
 * - BB bit 0x01 is unexplained: sources call it "snoozed", "expired" or "unknown", and it is
 *   set on Microsoft's own product whether on or off. We ignore it.
 * - CC 0x00 / 0x10 = definitions up to date / out of date is consistent across sources.
 * - Any other bit in BB or CC means a state nobody has described: that half is `null`
 *   (unknown), never a guess.
 */

export interface SecurityCenterState {
  readonly productState: number;
  /** The value as Security Center's 0xAABBCC, for evidence. */
  readonly hex: string;
  /** Real-time protection (a firewall: filtering) is on. */
  readonly enabled: boolean | null;
  /** The product says its definitions are current; meaningless for firewalls. */
  readonly definitionsUpToDate: boolean | null;
}

const KNOWN_SCANNER_BYTES = new Set([0x00, 0x01, 0x10, 0x11]);
const KNOWN_DEFINITION_BYTES = new Set([0x00, 0x10]);

export function decodeProductState(productState: number): SecurityCenterState {
  const valid = Number.isSafeInteger(productState) && productState >= 0 && productState <= 0xffffff;
  const hex = valid ? `0x${productState.toString(16).padStart(6, '0')}` : String(productState);
  if (!valid) return { productState, hex, enabled: null, definitionsUpToDate: null };
  const scanner = (productState >> 8) & 0xff;
  const definitions = productState & 0xff;
  return {
    productState,
    hex,
    enabled: KNOWN_SCANNER_BYTES.has(scanner) ? (scanner & 0x10) !== 0 : null,
    definitionsUpToDate: KNOWN_DEFINITION_BYTES.has(definitions) ? definitions === 0x00 : null,
  };
}
