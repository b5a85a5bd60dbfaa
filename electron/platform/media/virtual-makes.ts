/**
 * The makes and models hypervisors give the disks of a virtual machine. Such a disk reports
 * whatever rotational flag its emulation chose (virtio disks say "rotational"), so no fact about
 * a physical medium may be read from it: the probes of every OS call it transport 'virtual'.
 * 0x1af4 is the PCI vendor id of virtio devices, which is what lsblk shows as their vendor.
 */
const VIRTUAL_MAKES = /^0x1af4$|QEMU|VMware|VBOX|Virtual ?Disk|Msft Virtual|Xen|Red Hat VirtIO|Apple Disk Image|Disk Image/i;

export function isVirtualMake(vendor: string | null, model: string | null): boolean {
  return [vendor, model].some((value) => value !== null && VIRTUAL_MAKES.test(value.trim()));
}
