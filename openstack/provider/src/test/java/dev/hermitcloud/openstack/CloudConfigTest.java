package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.InvalidSpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a cloud's settings from clouds.yaml (and secure.yaml) or from OS_* variables. */
class CloudConfigTest {
  @TempDir
  Path dir;

  private static final String CLOUDS = """
      clouds:
        devstack:
          auth:
            auth_url: http://keystone.example:5000
            username: alice
            password: pw-devstack
            project_name: demo
            user_domain_name: Users
            project_domain_id: default
          region_name: RegionTwo
          interface: internal
        appcred:
          auth_type: v3applicationcredential
          auth:
            auth_url: https://keystone.example/identity/v3/
            application_credential_id: 4f1f2c5a
            application_credential_secret: s3cret
          regions:
            - name: North
        byname:
          auth_type: v3applicationcredential
          auth:
            auth_url: https://keystone.example/v3
            application_credential_name: ci
            application_credential_secret: s3cret
        incomplete:
          auth:
            auth_url: https://keystone.example/v3
            username: bob
            project_name: demo
      """;

  private Path cloudsYaml() throws Exception {
    return Files.writeString(dir.resolve("clouds.yaml"), CLOUDS);
  }

  @Test
  void aCloudsYamlGivenWithoutACloudNameUsesItsOnlyCloudAndNamesThemWhenThereAreSeveral() throws Exception {
    Path one = Files.writeString(dir.resolve("one.yaml"), CLOUDS.substring(0, CLOUDS.indexOf("\n  appcred:") + 1));
    OpenStack withVariables = OpenStack.fromEnvironment(Map.of("OS_AUTH_URL", "http://elsewhere:5000/v3"));
    assertThat(withVariables.cloudsYaml(one).config().username()).contains("alice");

    assertThatThrownBy(() -> withVariables.cloudsYaml(cloudsYaml()).config())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.field()).isEqualTo("openstack.cloud");
          assertThat(e).hasMessageEndingWith(" defines 4 clouds [devstack, appcred, byname, incomplete], so name the one"
              + " to use with OpenStack.cloud(\"devstack\")");
        });
  }

  @Test
  void aPasswordCloudFromCloudsYaml() throws Exception {
    CloudConfig config = CloudsYaml.read("devstack", cloudsYaml());
    assertThat(config.method()).isEqualTo(AuthMethod.PASSWORD);
    assertThat(config.authUrl()).isEqualTo("http://keystone.example:5000/v3");
    assertThat(config.username()).contains("alice");
    assertThat(config.password()).contains("pw-devstack");
    assertThat(config.effectiveUserDomainName()).isEqualTo("Users");
    assertThat(config.projectDomainId()).contains("default");
    assertThat(config.effectiveProjectDomainName()).isNull();
    assertThat(config.region()).contains("RegionTwo");
    assertThat(config.endpointInterface()).isEqualTo("internal");
  }

  @Test
  void applicationCredentialsByIdOrByNameWithTheirUser() throws Exception {
    CloudConfig byId = CloudsYaml.read("appcred", cloudsYaml());
    assertThat(byId.method()).isEqualTo(AuthMethod.APPLICATION_CREDENTIAL);
    assertThat(byId.authUrl()).isEqualTo("https://keystone.example/identity/v3");
    assertThat(byId.applicationCredentialId()).contains("4f1f2c5a");
    assertThat(byId.region()).contains("North");

    assertThatThrownBy(() -> CloudsYaml.read("byname", cloudsYaml()))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("clouds.byname.auth.username: (missing) is required");
  }

  @Test
  void secureYamlBesideItAddsThePassword() throws Exception {
    Path clouds = cloudsYaml();
    assertThatThrownBy(() -> CloudsYaml.read("incomplete", clouds))
        .hasMessageContaining("clouds.incomplete.auth.password: (missing) is required: the user's password")
        .hasMessageContaining(clouds.toString());

    Files.writeString(dir.resolve("secure.yaml"), "clouds:\n  incomplete:\n    auth:\n      password: from-secure\n");
    assertThat(CloudsYaml.read("incomplete", clouds).password()).contains("from-secure");
  }

  @Test
  void theSearchPathIsTheWorkingDirectoryThenTheUsersThenTheSystems() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Path home = Files.createDirectories(dir.resolve("home"));
    List<Path> path = CloudsYaml.searchPath(work, home);
    assertThat(path).containsExactly(work.resolve("clouds.yaml"), home.resolve(".config/openstack/clouds.yaml"),
        Path.of("/etc/openstack/clouds.yaml"));

    Files.createDirectories(home.resolve(".config/openstack"));
    Files.writeString(home.resolve(".config/openstack/clouds.yaml"), CLOUDS);
    assertThat(CloudsYaml.read("devstack", path).username()).contains("alice");
    Files.writeString(work.resolve("clouds.yaml"), CLOUDS.replace("alice", "carol"));
    assertThat(CloudsYaml.read("devstack", path).username()).contains("carol");
  }

  @Test
  void anUnknownCloudListsTheKnownOnes() throws Exception {
    assertThatThrownBy(() -> CloudsYaml.read("nope", cloudsYaml()))
        .hasMessageContaining("openstack.cloud: 'nope' is not in")
        .hasMessageContaining("devstack, appcred, byname, incomplete");
  }

  @Test
  void osVariablesAsAnOpenrcFileSetsThem() {
    CloudConfig config = OsVariables.read(Map.of("OS_AUTH_URL", "https://keystone.example:5000/v3/",
        "OS_USERNAME", "alice", "OS_PASSWORD", "pw", "OS_TENANT_NAME", "demo", "OS_REGION_NAME", "RegionOne",
        "OS_INTERFACE", "publicURL", "HOME", "/root"));
    assertThat(config.authUrl()).isEqualTo("https://keystone.example:5000/v3");
    assertThat(config.projectName()).contains("demo");
    assertThat(config.effectiveUserDomainName()).isEqualTo("Default");
    assertThat(config.endpointInterface()).isEqualTo("public");
    assertThat(config.origin()).isEqualTo("the OS_* variables");

    CloudConfig appCred = OsVariables.read(Map.of("OS_AUTH_URL", "https://k/v3", "OS_AUTH_TYPE", "v3applicationcredential",
        "OS_APPLICATION_CREDENTIAL_ID", "abc", "OS_APPLICATION_CREDENTIAL_SECRET", "s"));
    assertThat(appCred.method()).isEqualTo(AuthMethod.APPLICATION_CREDENTIAL);

    assertThatThrownBy(() -> OsVariables.read(Map.of("OS_AUTH_URL", "https://k/v3", "OS_USERNAME", "a", "OS_PASSWORD", "p")))
        .hasMessageContaining("OS_PROJECT_NAME: (missing) is required");
    assertThatThrownBy(() -> OsVariables.read(Map.of("OS_AUTH_URL", "https://k/v2.0", "OS_USERNAME", "a")))
        .hasMessageContaining("OS_AUTH_URL: 'https://k/v2.0' is Keystone v2.0");
    assertThatThrownBy(() -> OsVariables.read(Map.of("OS_AUTH_URL", "https://k/v3", "OS_AUTH_TYPE", "token")))
        .hasMessageContaining("OS_AUTH_TYPE: 'token' is not supported");
  }

  @Test
  void osCloudPicksAnEntryOfTheFileOsClientConfigFileNames() throws Exception {
    Path clouds = cloudsYaml();
    OpenStack target = OpenStack.fromEnvironment(Map.of("OS_CLOUD", "devstack", "OS_CLIENT_CONFIG_FILE", clouds.toString()));
    assertThat(target.config().username()).contains("alice");
    assertThat(OpenStack.cloud("appcred").cloudsYaml(clouds).config().method()).isEqualTo(AuthMethod.APPLICATION_CREDENTIAL);
    assertThatThrownBy(() -> OpenStack.fromEnvironment(Map.of()).config())
        .hasMessageContaining("set OS_AUTH_URL and the other OS_* variables");
  }

  @Test
  void aCloudsYamlEntryReachesTheFake() throws Exception {
    try (FakeOpenStack cloud = FakeClouds.quick().start()) {
      Path clouds = Files.writeString(dir.resolve("fake.yaml"), "clouds:\n  fake:\n    auth:\n"
          + "      auth_url: " + cloud.baseUrl() + "\n      username: " + cloud.user() + "\n      password: "
          + cloud.password() + "\n      project_name: " + cloud.project() + "\n    region_name: RegionOne\n");
      var plan = dev.hermitcloud.Hermit.deploy(new Fixture(dir).unikernel("echo", 1))
          .to(OpenStack.cloud("fake").cloudsYaml(clouds)).plan();
      assertThat(plan.target()).isEqualTo("openstack:fake");
      assertThat(plan.hasChanges()).isTrue();
      assertThat(cloud.requestCount("POST /v3/auth/tokens")).isEqualTo(1);
    }
  }
}
