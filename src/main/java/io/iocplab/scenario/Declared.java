package io.iocplab.scenario;

import java.util.Set;

/**
 * The names a file declares, in file order, read before any reference to them is checked.
 * A set is null when its section could not be read: references to it are then not questioned,
 * so that one broken section does not bury its real problem under echoes.
 */
record Declared(Set<String> threads, Set<String> ports, Set<String> sockets) {}
