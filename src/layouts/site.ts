/** The site's name, in every title and the header. */
export const SITE_NAME = 'Activation Derivatives';

/** The localStorage key of the reader's theme choice (`light` or `dark`). */
export const THEME_KEY = 'theme';
