// The PDFs' colours as pdf-lib's RGB values, made without loading pdf-lib: the CLI starts every
// command by importing its modules, and pdf-lib with fontkit costs some 0.3 s and 80 MB of that,
// so they load only when a document is typeset (Typesetter.create).
import type { ColorTypes, RGB } from "pdf-lib";

/** Equal to pdf-lib's rgb(red, green, blue), each from 0 to 1. */
export const rgb = (red: number, green: number, blue: number): RGB => ({ type: "RGB" as ColorTypes.RGB, red, green, blue });

export const BLACK = rgb(0, 0, 0);
export const WHITE = rgb(1, 1, 1);
