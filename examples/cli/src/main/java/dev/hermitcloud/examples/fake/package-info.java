/** Fake clouds for the examples, from the provider modules' test jars. */
package dev.hermitcloud.examples.fake;
