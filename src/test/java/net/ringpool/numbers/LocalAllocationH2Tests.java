package net.ringpool.numbers;

import java.nio.file.Path;
import java.util.Map;

import net.ringpool.support.TestDatabase;

import org.junit.jupiter.api.io.TempDir;

class LocalAllocationH2Tests extends LocalAllocationScenarios {

    @TempDir
    static Path directory;

    @Override
    Map<String, Object> database() {
        return TestDatabase.h2(directory);
    }
}
