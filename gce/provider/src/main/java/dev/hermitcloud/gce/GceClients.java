package dev.hermitcloud.gce;

import com.google.api.core.ApiFunction;
import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.StatusCode;
import com.google.api.gax.rpc.UnaryCallSettings;
import com.google.auth.Credentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.compute.v1.AutoscalersClient;
import com.google.cloud.compute.v1.AutoscalersSettings;
import com.google.cloud.compute.v1.HealthChecksClient;
import com.google.cloud.compute.v1.HealthChecksSettings;
import com.google.cloud.compute.v1.InstanceGroupManagersClient;
import com.google.cloud.compute.v1.InstanceGroupManagersSettings;
import com.google.cloud.compute.v1.InstanceTemplatesClient;
import com.google.cloud.compute.v1.InstanceTemplatesSettings;
import com.google.cloud.compute.v1.FirewallsClient;
import com.google.cloud.compute.v1.FirewallsSettings;
import com.google.cloud.compute.v1.GlobalOperationsClient;
import com.google.cloud.compute.v1.GlobalOperationsSettings;
import com.google.cloud.compute.v1.ImagesClient;
import com.google.cloud.compute.v1.ImagesSettings;
import com.google.cloud.compute.v1.InstancesClient;
import com.google.cloud.compute.v1.InstancesSettings;
import com.google.cloud.compute.v1.MachineTypesClient;
import com.google.cloud.compute.v1.MachineTypesSettings;
import com.google.cloud.compute.v1.NetworksClient;
import com.google.cloud.compute.v1.NetworksSettings;
import com.google.cloud.compute.v1.RegionAutoscalersClient;
import com.google.cloud.compute.v1.RegionAutoscalersSettings;
import com.google.cloud.compute.v1.RegionInstanceGroupManagersClient;
import com.google.cloud.compute.v1.RegionInstanceGroupManagersSettings;
import com.google.cloud.compute.v1.RegionOperationsClient;
import com.google.cloud.compute.v1.RegionOperationsSettings;
import com.google.cloud.compute.v1.SubnetworksClient;
import com.google.cloud.compute.v1.SubnetworksSettings;
import com.google.cloud.compute.v1.ZoneOperationsClient;
import com.google.cloud.compute.v1.ZoneOperationsSettings;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Google clients one connection uses. Compute calls are made exactly once by the library (no
 * retry codes): the engine retries, so its counts and Retry-After handling are the only ones. Cloud
 * Storage keeps a few quick retries of its own, because resuming an interrupted upload from the
 * committed offset is the client's job.
 */
final class GceClients implements AutoCloseable {
  /** The longest one compute call may take before it counts as a connection fault (which the engine retries). */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  /** Makes the library send each unary compute call once, and give up on a silent server after a minute. */
  private static final ApiFunction<UnaryCallSettings.Builder<?, ?>, Void> ONCE = b -> {
    b.setRetryableCodes(Set.of());
    b.setRetrySettings(b.getRetrySettings().toBuilder().setMaxAttempts(1)
        .setInitialRpcTimeoutDuration(CALL_TIMEOUT).setMaxRpcTimeoutDuration(CALL_TIMEOUT)
        .setTotalTimeoutDuration(CALL_TIMEOUT).build());
    return null;
  };

  final ImagesClient images;
  final InstancesClient instances;
  final FirewallsClient firewalls;
  final MachineTypesClient machineTypes;
  final NetworksClient networks;
  final SubnetworksClient subnetworks;
  final ZoneOperationsClient zoneOperations;
  final GlobalOperationsClient globalOperations;
  final HealthChecksClient healthChecks;
  final InstanceTemplatesClient instanceTemplates;
  final InstanceGroupManagersClient instanceGroups;
  final AutoscalersClient autoscalers;
  final RegionInstanceGroupManagersClient regionInstanceGroups;
  final RegionAutoscalersClient regionAutoscalers;
  final RegionOperationsClient regionOperations;
  final Storage storage;
  private final List<AutoCloseable> all = new ArrayList<>();

  private GceClients(Gce target, Credentials credentials) throws IOException {
    CredentialsProvider provider = credentials instanceof NoCredentials
        ? NoCredentialsProvider.create() : FixedCredentialsProvider.create(credentials);
    String endpoint = target.endpoint().map(u -> u.toString().replaceAll("/+$", "")).orElse(null);
    try {
      ImagesSettings.Builder images = ImagesSettings.newBuilder().setCredentialsProvider(provider).applyToAllUnaryMethods(ONCE);
      InstancesSettings.Builder instances = InstancesSettings.newBuilder().setCredentialsProvider(provider)
          .applyToAllUnaryMethods(ONCE);
      // The console is read outside the engine (logs, follow): let the library ride out a blip there.
      instances.getSerialPortOutputSettings().setRetryableCodes(StatusCode.Code.UNAVAILABLE,
          StatusCode.Code.DEADLINE_EXCEEDED).setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(4)
          .setInitialRetryDelayDuration(Duration.ofMillis(200)).setRetryDelayMultiplier(2.0)
          .setMaxRetryDelayDuration(Duration.ofSeconds(2)).setInitialRpcTimeoutDuration(CALL_TIMEOUT)
          .setRpcTimeoutMultiplier(1.0).setMaxRpcTimeoutDuration(CALL_TIMEOUT)
          .setTotalTimeoutDuration(CALL_TIMEOUT.multipliedBy(2)).build());
      FirewallsSettings.Builder firewalls = FirewallsSettings.newBuilder().setCredentialsProvider(provider)
          .applyToAllUnaryMethods(ONCE);
      MachineTypesSettings.Builder machineTypes = MachineTypesSettings.newBuilder().setCredentialsProvider(provider)
          .applyToAllUnaryMethods(ONCE);
      NetworksSettings.Builder networks = NetworksSettings.newBuilder().setCredentialsProvider(provider)
          .applyToAllUnaryMethods(ONCE);
      SubnetworksSettings.Builder subnetworks = SubnetworksSettings.newBuilder().setCredentialsProvider(provider)
          .applyToAllUnaryMethods(ONCE);
      ZoneOperationsSettings.Builder zoneOperations = ZoneOperationsSettings.newBuilder().setCredentialsProvider(provider)
          .applyToAllUnaryMethods(ONCE);
      GlobalOperationsSettings.Builder globalOperations = GlobalOperationsSettings.newBuilder()
          .setCredentialsProvider(provider).applyToAllUnaryMethods(ONCE);
      HealthChecksSettings.Builder healthChecks = HealthChecksSettings.newBuilder().setCredentialsProvider(provider)
          .applyToAllUnaryMethods(ONCE);
      InstanceTemplatesSettings.Builder instanceTemplates = InstanceTemplatesSettings.newBuilder()
          .setCredentialsProvider(provider).applyToAllUnaryMethods(ONCE);
      InstanceGroupManagersSettings.Builder instanceGroups = InstanceGroupManagersSettings.newBuilder()
          .setCredentialsProvider(provider).applyToAllUnaryMethods(ONCE);
      AutoscalersSettings.Builder autoscalers = AutoscalersSettings.newBuilder().setCredentialsProvider(provider)
          .applyToAllUnaryMethods(ONCE);
      RegionInstanceGroupManagersSettings.Builder regionInstanceGroups = RegionInstanceGroupManagersSettings.newBuilder()
          .setCredentialsProvider(provider).applyToAllUnaryMethods(ONCE);
      RegionAutoscalersSettings.Builder regionAutoscalers = RegionAutoscalersSettings.newBuilder()
          .setCredentialsProvider(provider).applyToAllUnaryMethods(ONCE);
      RegionOperationsSettings.Builder regionOperations = RegionOperationsSettings.newBuilder()
          .setCredentialsProvider(provider).applyToAllUnaryMethods(ONCE);
      if (endpoint != null) {
        regionInstanceGroups.setEndpoint(endpoint);
        regionAutoscalers.setEndpoint(endpoint);
        regionOperations.setEndpoint(endpoint);
        healthChecks.setEndpoint(endpoint);
        instanceTemplates.setEndpoint(endpoint);
        instanceGroups.setEndpoint(endpoint);
        autoscalers.setEndpoint(endpoint);
        images.setEndpoint(endpoint);
        instances.setEndpoint(endpoint);
        firewalls.setEndpoint(endpoint);
        machineTypes.setEndpoint(endpoint);
        networks.setEndpoint(endpoint);
        subnetworks.setEndpoint(endpoint);
        zoneOperations.setEndpoint(endpoint);
        globalOperations.setEndpoint(endpoint);
      }
      this.images = add(ImagesClient.create(images.build()));
      this.instances = add(InstancesClient.create(instances.build()));
      this.firewalls = add(FirewallsClient.create(firewalls.build()));
      this.machineTypes = add(MachineTypesClient.create(machineTypes.build()));
      this.networks = add(NetworksClient.create(networks.build()));
      this.subnetworks = add(SubnetworksClient.create(subnetworks.build()));
      this.zoneOperations = add(ZoneOperationsClient.create(zoneOperations.build()));
      this.globalOperations = add(GlobalOperationsClient.create(globalOperations.build()));
      this.healthChecks = add(HealthChecksClient.create(healthChecks.build()));
      this.instanceTemplates = add(InstanceTemplatesClient.create(instanceTemplates.build()));
      this.instanceGroups = add(InstanceGroupManagersClient.create(instanceGroups.build()));
      this.autoscalers = add(AutoscalersClient.create(autoscalers.build()));
      this.regionInstanceGroups = add(RegionInstanceGroupManagersClient.create(regionInstanceGroups.build()));
      this.regionAutoscalers = add(RegionAutoscalersClient.create(regionAutoscalers.build()));
      this.regionOperations = add(RegionOperationsClient.create(regionOperations.build()));
      StorageOptions.Builder storage = StorageOptions.http().setProjectId(target.project()).setCredentials(credentials)
          .setRetrySettings(storageRetries());
      if (endpoint != null) {
        storage.setHost(endpoint);
      }
      this.storage = add(storage.build().getService());
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Opens every client for {@code target}, reading its credentials. */
  static GceClients open(Gce target) throws IOException {
    return new GceClients(target, GceCredentials.load(target));
  }

  /** Quick retries: the engine's own retries come on top, with Retry-After and its budget. */
  private static RetrySettings storageRetries() {
    return RetrySettings.newBuilder()
        .setMaxAttempts(6)
        .setInitialRetryDelayDuration(Duration.ofMillis(50))
        .setRetryDelayMultiplier(2.0)
        .setMaxRetryDelayDuration(Duration.ofSeconds(4))
        .setInitialRpcTimeoutDuration(Duration.ofSeconds(60))
        .setRpcTimeoutMultiplier(1.0)
        .setMaxRpcTimeoutDuration(Duration.ofSeconds(60))
        .setTotalTimeoutDuration(Duration.ofMinutes(2))
        .build();
  }

  private <T extends AutoCloseable> T add(T client) {
    all.add(client);
    return client;
  }

  @Override
  public void close() {
    for (AutoCloseable client : all) {
      try {
        client.close();
      } catch (Exception e) {
        // Closing releases threads and connections; a failure here has nothing left to protect.
      }
    }
    all.clear();
  }
}
