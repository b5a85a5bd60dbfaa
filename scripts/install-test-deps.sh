#!/usr/bin/env bash
# Installs from Debian everything the tests need that npm cannot bring: Chromium for the
# browser tests, dbus + gnome-keyring + libsecret for keytar, ClamAV (clamscan, and clamd +
# clamdscan for the daemon path) for scanning,
# poppler-utils for checking PDF signatures, qpdf and LibreOffice (headless, no GUI) for proving
# that files rebuilt by content disarm still open, Japanese fonts for the screenshots, and the
# file-system tools the erasure tests format loop devices with (e2fsprogs, dosfstools, btrfs-progs),
# and a single-node Ceph (mon, OSD, RADOS Gateway) for the company archive's S3 Object Lock tests.
# Idempotent: does nothing when all of it is already there. Needs root (or sudo).
set -euo pipefail

packages=(chromium dbus gnome-keyring libsecret-1-dev clamav clamav-daemon clamdscan poppler-utils qpdf libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui libnss3-tools openssl fonts-noto-cjk python3 make g++ e2fsprogs dosfstools btrfs-progs util-linux dcmtk genisoimage qemu-utils fdisk p7zip-full gcab ceph-mon ceph-osd radosgw ceph-common)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-test-deps: all Debian packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-test-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-test-deps: done"
