/** {@code ChangerActivities} over the changer module's {@code MediumChanger}. */
package io.tapeflow.activities.changer;
