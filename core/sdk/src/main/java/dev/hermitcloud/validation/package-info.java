/** Input validation: every rule a value type enforces when it is built, and the error that names the field. */
package dev.hermitcloud.validation;
