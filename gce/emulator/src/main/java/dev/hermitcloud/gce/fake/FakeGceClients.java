package dev.hermitcloud.gce.fake;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.longrunning.OperationTimedPollAlgorithm;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.compute.v1.AutoscalersClient;
import com.google.cloud.compute.v1.AutoscalersSettings;
import com.google.cloud.compute.v1.FirewallsClient;
import com.google.cloud.compute.v1.FirewallsSettings;
import com.google.cloud.compute.v1.GlobalOperationsClient;
import com.google.cloud.compute.v1.GlobalOperationsSettings;
import com.google.cloud.compute.v1.HealthChecksClient;
import com.google.cloud.compute.v1.HealthChecksSettings;
import com.google.cloud.compute.v1.ImagesClient;
import com.google.cloud.compute.v1.InstanceGroupManagersClient;
import com.google.cloud.compute.v1.InstanceGroupManagersSettings;
import com.google.cloud.compute.v1.InstanceTemplatesClient;
import com.google.cloud.compute.v1.RegionAutoscalersClient;
import com.google.cloud.compute.v1.RegionAutoscalersSettings;
import com.google.cloud.compute.v1.RegionInstanceGroupManagersClient;
import com.google.cloud.compute.v1.RegionInstanceGroupManagersSettings;
import com.google.cloud.compute.v1.InstanceTemplatesSettings;
import com.google.cloud.compute.v1.ImagesSettings;
import com.google.cloud.compute.v1.InstancesClient;
import com.google.cloud.compute.v1.InstancesSettings;
import com.google.cloud.compute.v1.MachineTypesClient;
import com.google.cloud.compute.v1.NetworksClient;
import com.google.cloud.compute.v1.NetworksSettings;
import com.google.cloud.compute.v1.SubnetworksClient;
import com.google.cloud.compute.v1.SubnetworksSettings;
import com.google.cloud.compute.v1.MachineTypesSettings;
import com.google.cloud.compute.v1.ZoneOperationsClient;
import com.google.cloud.compute.v1.ZoneOperationsSettings;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The real Google clients pointed at a {@link FakeGce}, with no credentials and operation polling
 * fast enough for tests (first poll after 20 ms instead of 500 ms).
 */
public final class FakeGceClients {
  private FakeGceClients() {}

  /** Polling for long-running operations: 20 ms, x1.5, at most 200 ms apart, 60 s in all. */
  public static OperationTimedPollAlgorithm fastPolling() {
    return OperationTimedPollAlgorithm.create(RetrySettings.newBuilder()
        .setInitialRetryDelayDuration(Duration.ofMillis(20))
        .setRetryDelayMultiplier(1.5)
        .setMaxRetryDelayDuration(Duration.ofMillis(200))
        .setInitialRpcTimeoutDuration(Duration.ZERO)
        .setRpcTimeoutMultiplier(1.0)
        .setMaxRpcTimeoutDuration(Duration.ZERO)
        .setTotalTimeoutDuration(Duration.ofSeconds(60))
        .build());
  }

  public static ImagesClient images(FakeGce fake) {
    ImagesSettings.Builder b = ImagesSettings.newBuilder()
        .setEndpoint(fake.endpoint())
        .setCredentialsProvider(NoCredentialsProvider.create());
    b.insertOperationSettings().setPollingAlgorithm(fastPolling());
    b.deleteOperationSettings().setPollingAlgorithm(fastPolling());
    b.setLabelsOperationSettings().setPollingAlgorithm(fastPolling());
    b.deprecateOperationSettings().setPollingAlgorithm(fastPolling());
    return create(() -> ImagesClient.create(b.build()));
  }

  public static InstancesClient instances(FakeGce fake) {
    InstancesSettings.Builder b = InstancesSettings.newBuilder()
        .setEndpoint(fake.endpoint())
        .setCredentialsProvider(NoCredentialsProvider.create());
    b.insertOperationSettings().setPollingAlgorithm(fastPolling());
    b.deleteOperationSettings().setPollingAlgorithm(fastPolling());
    b.setLabelsOperationSettings().setPollingAlgorithm(fastPolling());
    return create(() -> InstancesClient.create(b.build()));
  }

  public static FirewallsClient firewalls(FakeGce fake) {
    FirewallsSettings.Builder b = FirewallsSettings.newBuilder()
        .setEndpoint(fake.endpoint())
        .setCredentialsProvider(NoCredentialsProvider.create());
    b.insertOperationSettings().setPollingAlgorithm(fastPolling());
    b.deleteOperationSettings().setPollingAlgorithm(fastPolling());
    b.patchOperationSettings().setPollingAlgorithm(fastPolling());
    b.updateOperationSettings().setPollingAlgorithm(fastPolling());
    return create(() -> FirewallsClient.create(b.build()));
  }

  public static AutoscalersClient autoscalers(FakeGce fake) {
    AutoscalersSettings.Builder b = AutoscalersSettings.newBuilder()
        .setEndpoint(fake.endpoint())
        .setCredentialsProvider(NoCredentialsProvider.create());
    b.insertOperationSettings().setPollingAlgorithm(fastPolling());
    b.deleteOperationSettings().setPollingAlgorithm(fastPolling());
    b.patchOperationSettings().setPollingAlgorithm(fastPolling());
    b.updateOperationSettings().setPollingAlgorithm(fastPolling());
    return create(() -> AutoscalersClient.create(b.build()));
  }

  public static HealthChecksClient healthChecks(FakeGce fake) {
    HealthChecksSettings.Builder b = HealthChecksSettings.newBuilder()
        .setEndpoint(fake.endpoint())
        .setCredentialsProvider(NoCredentialsProvider.create());
    b.insertOperationSettings().setPollingAlgorithm(fastPolling());
    b.deleteOperationSettings().setPollingAlgorithm(fastPolling());
    return create(() -> HealthChecksClient.create(b.build()));
  }

  public static InstanceTemplatesClient instanceTemplates(FakeGce fake) {
    InstanceTemplatesSettings.Builder b = InstanceTemplatesSettings.newBuilder()
        .setEndpoint(fake.endpoint())
        .setCredentialsProvider(NoCredentialsProvider.create());
    b.insertOperationSettings().setPollingAlgorithm(fastPolling());
    b.deleteOperationSettings().setPollingAlgorithm(fastPolling());
    return create(() -> InstanceTemplatesClient.create(b.build()));
  }

  public static InstanceGroupManagersClient instanceGroupManagers(FakeGce fake) {
    InstanceGroupManagersSettings.Builder b = InstanceGroupManagersSettings.newBuilder()
        .setEndpoint(fake.endpoint())
        .setCredentialsProvider(NoCredentialsProvider.create());
    b.insertOperationSettings().setPollingAlgorithm(fastPolling());
    b.deleteOperationSettings().setPollingAlgorithm(fastPolling());
    b.patchOperationSettings().setPollingAlgorithm(fastPolling());
    b.resizeOperationSettings().setPollingAlgorithm(fastPolling());
    return create(() -> InstanceGroupManagersClient.create(b.build()));
  }

  public static RegionAutoscalersClient regionAutoscalers(FakeGce fake) {
    RegionAutoscalersSettings.Builder b = RegionAutoscalersSettings.newBuilder()
        .setEndpoint(fake.endpoint())
        .setCredentialsProvider(NoCredentialsProvider.create());
    b.insertOperationSettings().setPollingAlgorithm(fastPolling());
    b.deleteOperationSettings().setPollingAlgorithm(fastPolling());
    b.patchOperationSettings().setPollingAlgorithm(fastPolling());
    b.updateOperationSettings().setPollingAlgorithm(fastPolling());
    return create(() -> RegionAutoscalersClient.create(b.build()));
  }

  public static RegionInstanceGroupManagersClient regionInstanceGroupManagers(FakeGce fake) {
    RegionInstanceGroupManagersSettings.Builder b = RegionInstanceGroupManagersSettings.newBuilder()
        .setEndpoint(fake.endpoint())
        .setCredentialsProvider(NoCredentialsProvider.create());
    b.insertOperationSettings().setPollingAlgorithm(fastPolling());
    b.deleteOperationSettings().setPollingAlgorithm(fastPolling());
    b.patchOperationSettings().setPollingAlgorithm(fastPolling());
    b.resizeOperationSettings().setPollingAlgorithm(fastPolling());
    return create(() -> RegionInstanceGroupManagersClient.create(b.build()));
  }

  public static MachineTypesClient machineTypes(FakeGce fake) {
    return create(() -> MachineTypesClient.create(MachineTypesSettings.newBuilder()
        .setEndpoint(fake.endpoint())
        .setCredentialsProvider(NoCredentialsProvider.create())
        .build()));
  }

  public static NetworksClient networks(FakeGce fake) {
    return create(() -> NetworksClient.create(NetworksSettings.newBuilder()
        .setEndpoint(fake.endpoint()).setCredentialsProvider(NoCredentialsProvider.create()).build()));
  }

  public static SubnetworksClient subnetworks(FakeGce fake) {
    return create(() -> SubnetworksClient.create(SubnetworksSettings.newBuilder()
        .setEndpoint(fake.endpoint()).setCredentialsProvider(NoCredentialsProvider.create()).build()));
  }

  public static ZoneOperationsClient zoneOperations(FakeGce fake) {
    return create(() -> ZoneOperationsClient.create(ZoneOperationsSettings.newBuilder()
        .setEndpoint(fake.endpoint())
        .setCredentialsProvider(NoCredentialsProvider.create())
        .build()));
  }

  public static GlobalOperationsClient globalOperations(FakeGce fake) {
    return create(() -> GlobalOperationsClient.create(GlobalOperationsSettings.newBuilder()
        .setEndpoint(fake.endpoint())
        .setCredentialsProvider(NoCredentialsProvider.create())
        .build()));
  }

  /** A Storage client whose retries back off for milliseconds, not seconds. */
  public static Storage storage(FakeGce fake, String project) {
    return StorageOptions.newBuilder()
        .setHost(fake.endpoint())
        .setProjectId(project)
        .setCredentials(NoCredentials.getInstance())
        .setRetrySettings(RetrySettings.newBuilder()
            .setMaxAttempts(6)
            .setInitialRetryDelayDuration(Duration.ofMillis(10))
            .setRetryDelayMultiplier(2.0)
            .setMaxRetryDelayDuration(Duration.ofMillis(200))
            .setInitialRpcTimeoutDuration(Duration.ofSeconds(30))
            .setRpcTimeoutMultiplier(1.0)
            .setMaxRpcTimeoutDuration(Duration.ofSeconds(30))
            .setTotalTimeoutDuration(Duration.ofSeconds(60))
            .build())
        .build()
        .getService();
  }

  private interface ClientFactory<T> {
    T create() throws IOException;
  }

  private static <T> T create(ClientFactory<T> factory) {
    try {
      return factory.create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
