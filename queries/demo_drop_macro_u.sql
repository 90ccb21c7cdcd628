-- demo: the generator's macro is not left behind on the app's connection.
DROP MACRO IF EXISTS demo_u;
