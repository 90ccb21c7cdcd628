-- compact: both files closed before the fresh one replaces the old.
DETACH dst;
