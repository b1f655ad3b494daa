/*
 * field.h - the blanks at the top of a worksheet (name, date ...): what a
 * set asks for (set.h) and what layout draws (compose.h), without layout
 * seeing the set.
 */
#ifndef MIMEO_FIELD_H
#define MIMEO_FIELD_H

enum field { F_NAME, F_DATE, F_PERIOD, F_CLASS, F_SCORE, F__MAX };
extern const char *const field_names[];

#endif
