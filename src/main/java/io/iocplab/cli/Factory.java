package io.iocplab.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Makes the commands for picocli: a command that writes is given the {@link Streams}; anything else picocli makes. */
final class Factory implements IFactory {
    private final Streams streams;

    Factory(Streams streams) {
        this.streams = streams;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Streams.class) {
                return type.cast(c.newInstance(streams));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}
