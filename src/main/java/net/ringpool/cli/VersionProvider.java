package net.ringpool.cli;

import picocli.CommandLine.IVersionProvider;

class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"ringpool-batch " + (version == null ? "(development build)" : version)};
    }
}
