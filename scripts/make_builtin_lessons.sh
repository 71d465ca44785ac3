#!/bin/sh
# Regenerates Sources/PerceptronApp/LessonBuiltIns.swift from lessons/*.lesson, so the shipped
# lessons are compiled in and play from any directory. Run it after editing a lesson file;
# LessonTests fails while the two differ.
exec "$(dirname "$0")/make_builtin.sh" lesson BuiltInLessons Sources/PerceptronApp/LessonBuiltIns.swift \
    make_builtin_lessons.sh \
    'The shipped lessons, compiled in so that they play from any directory.'
