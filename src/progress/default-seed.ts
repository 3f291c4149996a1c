/**
 * The page seed used when the URL has none (and for the pages built without JavaScript). A saved
 * attempt on these numbers records no seed; one that recorded it anyway (`?seed=1`) is the same.
 * Its own module so the exercise card can name it without loading the instantiation code.
 */
export const DEFAULT_SEED = '1';
