#!/bin/bash
# The 2017 tutorial's image recipe ("Running HermitCore Unikernels on Cloud Platforms"), as root:
# a 1 GiB raw file, a loop device, sfdisk, mkfs.ext2, mount, grub-install, cp, umount, tar -cSzf.
# Usage: tutorial-pipeline.sh LOADER LOADER_ARGS MODULE WORKDIR   -> WORKDIR/disk.tar.gz
#
# One deviation: the tutorial attaches the disk with qemu-nbd, which needs the nbd kernel module; where
# that is missing we use a loop device. grub-install cannot map a partition of a loop device
# (/dev/loopNp1) back to its disk, so the partition gets a second loop device at its offset and both
# are listed in GRUB's device.map.
set -euo pipefail
loader=$1 loader_args=$2 module=$3 work=$4
cd "$work"
rm -rf disk.raw disk.tar.gz mnt
mkdir mnt
disk="" part=""
cleanup() {
  mountpoint -q mnt && umount mnt
  [ -n "$part" ] && losetup -d "$part"
  [ -n "$disk" ] && losetup -d "$disk"
  return 0
}
trap cleanup EXIT

qemu-img create -f raw disk.raw 1G > /dev/null
disk=$(losetup -f --show disk.raw)
echo ';' | sfdisk -q --no-reread "$disk" 2> /dev/null || true   # the kernel cannot re-read a loop disk here
read -r start size < <(sfdisk -d disk.raw | sed -n 's/.*start= *\([0-9]*\), size= *\([0-9]*\).*/\1 \2/p')
part=$(losetup -f --show -o $((start * 512)) --sizelimit $((size * 512)) disk.raw)
mkfs.ext2 -q "$part"
mount "$part" mnt
mkdir -p mnt/boot/grub
printf '(hd0) %s\n(hd1) %s\n' "$disk" "$part" > mnt/boot/grub/device.map
grub-install --target=i386-pc --boot-directory=mnt/boot \
  --modules="normal part_msdos ext2 multiboot biosdisk serial terminal" "$disk" 2> /dev/null
cp "$loader" "$module" mnt/boot/
cat > mnt/boot/grub/grub.cfg <<CFG
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set timeout=0
menuentry "hermit" {
	multiboot /boot/$(basename "$loader") $loader_args
	module /boot/$(basename "$module")
	boot
}
CFG
umount mnt
losetup -d "$part"; part=""
losetup -d "$disk"; disk=""
tar -cSzf disk.tar.gz disk.raw
