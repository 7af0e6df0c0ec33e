/** Input validation: every rule a value type enforces when it is built, and the error that names the field. Not API. */
package dev.hermitcloud.internal.validation;
