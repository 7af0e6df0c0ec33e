package dev.hermitcloud.gce.fake;

/**
 * The path templates the fake serves. Stats count requests as {@code "METHOD template"} and fault
 * rules match on them, e.g. {@code "POST " + RouteTemplates.INSTANCES}.
 */
public final class RouteTemplates {
  private static final String PROJECT = "/compute/v1/projects/{project}";

  public static final String IMAGES = PROJECT + "/global/images";
  public static final String IMAGE = IMAGES + "/{image}";
  public static final String IMAGE_FROM_FAMILY = IMAGES + "/family/{family}";
  public static final String IMAGE_SET_LABELS = IMAGE + "/setLabels";
  public static final String IMAGE_DEPRECATE = IMAGE + "/deprecate";

  public static final String INSTANCES = PROJECT + "/zones/{zone}/instances";
  public static final String INSTANCE = INSTANCES + "/{instance}";
  public static final String INSTANCE_SERIAL_PORT = INSTANCE + "/serialPort";
  public static final String INSTANCE_SET_LABELS = INSTANCE + "/setLabels";

  public static final String FIREWALLS = PROJECT + "/global/firewalls";
  public static final String FIREWALL = FIREWALLS + "/{firewall}";

  public static final String HEALTH_CHECKS = PROJECT + "/global/healthChecks";
  public static final String HEALTH_CHECK = HEALTH_CHECKS + "/{healthCheck}";

  public static final String INSTANCE_TEMPLATES = PROJECT + "/global/instanceTemplates";
  public static final String INSTANCE_TEMPLATE = INSTANCE_TEMPLATES + "/{instanceTemplate}";

  public static final String INSTANCE_GROUP_MANAGERS = PROJECT + "/zones/{zone}/instanceGroupManagers";
  public static final String INSTANCE_GROUP_MANAGER = INSTANCE_GROUP_MANAGERS + "/{instanceGroupManager}";
  public static final String INSTANCE_GROUP_MANAGER_RESIZE = INSTANCE_GROUP_MANAGER + "/resize";
  public static final String INSTANCE_GROUP_MANAGER_MANAGED_INSTANCES = INSTANCE_GROUP_MANAGER + "/listManagedInstances";

  public static final String REGION_INSTANCE_GROUP_MANAGERS = PROJECT + "/regions/{region}/instanceGroupManagers";
  public static final String REGION_INSTANCE_GROUP_MANAGER = REGION_INSTANCE_GROUP_MANAGERS + "/{instanceGroupManager}";
  public static final String REGION_INSTANCE_GROUP_MANAGER_RESIZE = REGION_INSTANCE_GROUP_MANAGER + "/resize";
  public static final String REGION_INSTANCE_GROUP_MANAGER_MANAGED_INSTANCES =
      REGION_INSTANCE_GROUP_MANAGER + "/listManagedInstances";

  public static final String AUTOSCALERS = PROJECT + "/zones/{zone}/autoscalers";
  public static final String AUTOSCALER = AUTOSCALERS + "/{autoscaler}";

  public static final String REGION_AUTOSCALERS = PROJECT + "/regions/{region}/autoscalers";
  public static final String REGION_AUTOSCALER = REGION_AUTOSCALERS + "/{autoscaler}";

  public static final String NETWORK = PROJECT + "/global/networks/{network}";
  public static final String SUBNETWORKS = PROJECT + "/regions/{region}/subnetworks";
  public static final String SUBNETWORK = SUBNETWORKS + "/{subnetwork}";

  public static final String MACHINE_TYPES = PROJECT + "/zones/{zone}/machineTypes";
  public static final String MACHINE_TYPE = MACHINE_TYPES + "/{machineType}";

  public static final String ZONE_OPERATION = PROJECT + "/zones/{zone}/operations/{operation}";
  public static final String ZONE_OPERATION_WAIT = ZONE_OPERATION + "/wait";
  public static final String REGION_OPERATION = PROJECT + "/regions/{region}/operations/{operation}";
  public static final String REGION_OPERATION_WAIT = REGION_OPERATION + "/wait";
  public static final String GLOBAL_OPERATION = PROJECT + "/global/operations/{operation}";
  public static final String GLOBAL_OPERATION_WAIT = GLOBAL_OPERATION + "/wait";

  public static final String BUCKETS = "/storage/v1/b";
  public static final String BUCKET = BUCKETS + "/{bucket}";
  public static final String OBJECTS = BUCKET + "/o";
  public static final String OBJECT = OBJECTS + "/{object}";
  public static final String OBJECT_DOWNLOAD = "/download/storage/v1/b/{bucket}/o/{object}";
  public static final String OBJECT_UPLOADS = "/upload/storage/v1/b/{bucket}/o";

  private RouteTemplates() {}
}
