package io.iocplab.scenario;

import java.util.Set;

/**
 * The names a file declares, in file order, read before any reference to them is checked.
 * A set is null when its section could not be read: references to it are then not questioned,
 * so that one broken section does not bury its real problem under echoes.
 *
 * @param sockets   the file's {@code sockets:} and the sockets its AcceptEx steps accept into
 * @param listeners the file's {@code listeners:}
 */
record Declared(Set<String> threads, Set<String> ports, Set<String> sockets, Set<String> listeners) {

    /** The handles a call on "a socket or a listener" may name (closesocket, CancelIoEx, ...), or null. */
    Set<String> handles() {
        if (sockets == null || listeners == null) {
            return null;
        }
        Set<String> all = new java.util.LinkedHashSet<>(sockets);
        all.addAll(listeners);
        return all;
    }
}
