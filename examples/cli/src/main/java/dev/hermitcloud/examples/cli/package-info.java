/** The {@code hermit} command line: build images, and plan, deploy, follow and destroy deployments. */
package dev.hermitcloud.examples.cli;
