package dev.tpsync.batch.internal;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Root of the import context: Boot's auto-configuration (DataSource, JDBC job repository,
 * JobOperator) plus the job. No component scanning, so nothing else sneaks in.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(ImportJobConfiguration.class)
public class ImportApplication {
}
