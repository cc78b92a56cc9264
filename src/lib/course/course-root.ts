/**
 * Directory holding `content/` and `notebooks/`. The book's own by default;
 * tests and benchmarks point COURSE_ROOT at a fixture or a generated course.
 */
export const courseRoot: string = (process.env.COURSE_ROOT ?? '.').replace(/\/+$/, '');
