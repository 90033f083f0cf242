// When two names in a bundle count as the same path: equal after Unicode NFC and lower-casing.
// Case-insensitive or normalising file systems (macOS, Windows) would store them as one file,
// so the tar layer and the manifests both refuse such pairs rather than guess which one wins.
export const foldPath = (path: string): string => path.normalize("NFC").toLowerCase();
