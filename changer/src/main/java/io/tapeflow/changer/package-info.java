/** tapeflow changer module. */
package io.tapeflow.changer;
