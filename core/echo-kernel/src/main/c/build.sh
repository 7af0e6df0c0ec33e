#!/bin/sh
# Builds the echo kernel: build.sh OUTPUT.elf [OBJECT_DIR]
# Needs only gcc and binutils (Debian packages gcc, binutils); no 32-bit libc or multilib, since the
# kernel is freestanding and links neither libc nor libgcc.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: build.sh OUTPUT.elf [OBJECT_DIR]}
objdir=${2:-$(dirname "$out")/echo-kernel-obj}
CC=${CC:-gcc}
LD=${LD:-ld}

if ! command -v "$CC" >/dev/null 2>&1; then
  echo "echo-kernel: $CC not found: install the Debian package gcc (apt-get install gcc binutils)" >&2
  exit 1
fi
if ! command -v "$LD" >/dev/null 2>&1; then
  echo "echo-kernel: $LD not found: install the Debian package binutils (apt-get install binutils)" >&2
  exit 1
fi

# -mgeneral-regs-only: we never enable the FPU/SSE, so gcc must not use them for copies.
# -fno-pie: Debian's gcc makes PIE by default; this kernel runs where it is linked.
CFLAGS="-m32 -march=i686 -std=gnu11 -O2 -g0 -Wall -Wextra -Werror -ffreestanding -fno-builtin -nostdlib \
 -fno-pic -fno-pie -fno-stack-protector -fno-asynchronous-unwind-tables -mgeneral-regs-only \
 -fno-strict-aliasing -fno-common"

mkdir -p "$objdir" "$(dirname "$out")"
objects=""
for src in "$here"/boot.S "$here"/*.c; do
  obj="$objdir/$(basename "$src").o"
  $CC $CFLAGS -c "$src" -o "$obj"
  objects="$objects $obj"
done
# No libgcc on purpose: a 64-bit division slipping in fails the link instead of needing multilib.
$LD -m elf_i386 -nostdlib -z max-page-size=0x1000 --build-id=none -T "$here/link.ld" -o "$out" $objects
echo "echo-kernel: built $out ($(wc -c < "$out") bytes)"
