package net.ringpool.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from the environment and a configuration file, so that scheduled jobs need no long
 * command lines. For option {@code --api-url} of {@code import} the value is taken, in this order,
 * from the command line, {@code $RINGPOOL_API_URL}, the file's {@code ringpool.import.api-url}, the
 * file's {@code ringpool.api-url}, and the built-in default. The file is {@code --config FILE} or
 * {@code $RINGPOOL_CONFIG}: YAML (.yml, .yaml) as in Spring Boot's application.yml, or properties.
 */
final class ConfigDefaults implements IDefaultValueProvider {

    static final String ENVIRONMENT_PREFIX = "RINGPOOL_";

    private final Map<String, String> environment;
    private final Properties file;

    private ConfigDefaults(Map<String, String> environment, Properties file) {
        this.environment = environment;
        this.file = file;
    }

    /** The defaults for one command line: finds {@code --config FILE} among the arguments. */
    static ConfigDefaults of(String[] args, Map<String, String> environment) {
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                config = Path.of(args[i + 1]);
            } else if (args[i].startsWith("--config=")) {
                config = Path.of(args[i].substring("--config=".length()));
            }
        }
        if (config == null && environment.get("RINGPOOL_CONFIG") != null) {
            config = Path.of(environment.get("RINGPOOL_CONFIG"));
        }
        return new ConfigDefaults(environment, config == null ? new Properties() : load(config));
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || option.longestName().equals("--config")
                || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String name = option.longestName().replaceFirst("^-+", "");
        String fromEnvironment = environment.get(ENVIRONMENT_PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        String command = option.command() == null ? "" : option.command().name();
        String fromFile = file.getProperty("ringpool." + command + "." + name, file.getProperty("ringpool." + name));
        return fromFile == null ? null : fromFile;
    }

    private static Properties load(Path config) {
        if (!Files.isReadable(config)) {
            throw new UsageException("cannot read --config " + config);
        }
        String fileName = config.getFileName().toString().toLowerCase(Locale.ROOT);
        if (fileName.endsWith(".yml") || fileName.endsWith(".yaml")) {
            YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
            yaml.setResources(new FileSystemResource(config));
            Properties properties = yaml.getObject();
            return properties == null ? new Properties() : properties;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(config)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UsageException("cannot read --config " + config);
        }
        return properties;
    }
}
