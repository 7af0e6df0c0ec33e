/** What an emulator was asked and what it created, for tests that count calls. */
package dev.hermitcloud.emulator.stats;
