/** Benchmarks that compare hermit-cloud with the manual procedures it replaces; programs, not tests. */
package dev.hermitcloud.examples.bench;
