/** Training speeds offered, in optimiser steps per second; 0 means as fast as the worker can go. */
export const SPEEDS = [30, 120, 500, 2000, 0] as const;
export const DEFAULT_SPEED = 500;
