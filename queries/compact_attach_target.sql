-- compact: the fresh file the copy goes to, as `dst`.
ATTACH $path AS dst;
