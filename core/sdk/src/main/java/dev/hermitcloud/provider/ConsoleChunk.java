package dev.hermitcloud.provider;

/**
 * A piece of console output: {@code text} covers offsets {@code start} up to {@code next}; read again from
 * {@code next} for what follows.
 */
public record ConsoleChunk(String text, long start, long next) {}
