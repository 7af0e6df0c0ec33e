package dev.hermitcloud.image;

import dev.hermitcloud.internal.grub.GrubCommandLine;

import dev.hermitcloud.unikernel.BootFile;
import dev.hermitcloud.unikernel.Unikernel;
import java.util.List;

/**
 * The {@code /boot/grub/grub.cfg} of an image: GRUB on the serial console (COM1, 115200 baud) and on
 * screen, no menu delay, and one entry that loads the unikernel's loader and modules with their command
 * lines and boots.
 */
final class GrubConfig {
  static final String BOOT_DIRECTORY = "/boot/";

  private GrubConfig() {}

  /** The file's text; a command line GRUB cannot pass through unchanged is an {@link InvalidSpecException}. */
  static String of(Unikernel unikernel) {
    StringBuilder cfg = new StringBuilder();
    cfg.append("# Written by hermit-cloud. Every command line below reaches the kernel exactly as given.\n");
    cfg.append("serial --unit=0 --speed=115200\n");
    cfg.append("terminal_input serial console\n");
    cfg.append("terminal_output serial console\n");
    cfg.append("set timeout=0\n");
    cfg.append("menuentry ").append(GrubCommandLine.scriptWord(unikernel.name())).append(" {\n");
    cfg.append("\tmultiboot ").append(line(unikernel.loader())).append('\n');
    List<BootFile> modules = unikernel.modules();
    for (int i = 0; i < modules.size(); i++) {
      cfg.append("\tmodule ").append(line(modules.get(i))).append('\n');
    }
    cfg.append("\tboot\n");
    cfg.append("}\n");
    return cfg.toString();
  }

  /** The file and its args in GRUB script syntax; {@link Unikernel} has already checked GRUB can pass them. */
  private static String line(BootFile file) {
    return BOOT_DIRECTORY + file.bootName() + GrubCommandLine.script(file.args());
  }
}
