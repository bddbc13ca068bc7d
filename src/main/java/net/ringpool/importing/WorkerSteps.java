package net.ringpool.importing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.ringpool.client.ClientSettings;
import net.ringpool.client.RingPoolClient;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;

/**
 * A worker's partitions: each reads its import's settings from its step execution context, and the
 * worker adds its own token. Partitions of the same import share one API client.
 */
final class WorkerSteps implements StepSettings, DisposableBean {

    private final WorkerSettings worker;
    private final Map<ClientSettings, RingPoolClient> clients = new ConcurrentHashMap<>();

    WorkerSteps(WorkerSettings worker) {
        this.worker = worker;
    }

    @Override
    public ImportSettings settings(StepExecution step) {
        if (!PartitionSettings.present(step.getExecutionContext())) {
            throw new IllegalStateException("step execution " + step.getId() + " is not a partition of an import");
        }
        return PartitionSettings.read(step.getExecutionContext(), worker.credentials());
    }

    @Override
    public RingPoolClient client(ImportSettings settings) {
        return settings.client() == null ? null : clients.computeIfAbsent(settings.client(), RingPoolClient::new);
    }

    @Override
    public int chunkSize() {
        return worker.chunkSize();
    }

    @Override
    public boolean terminalProgress() {
        return false;
    }

    @Override
    public void destroy() {
        clients.values().forEach(RingPoolClient::close);
    }
}
