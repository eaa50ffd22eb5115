package cn.gxq.subsidy.registry;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegistryMainTest {

  @Test
  void argumentsAreChecked() {
    assertThatThrownBy(
            () ->
                RegistryMain.parse(
                    new String[] {"--port", "8081"}, LocalSchemaRegistry.builder(), null))
        .hasMessageContaining("--bootstrap-servers");
    assertThatThrownBy(
            () ->
                RegistryMain.parse(
                    new String[] {"--bootstrap-servers", "b:9092", "--user", "u"},
                    LocalSchemaRegistry.builder(),
                    null))
        .hasMessageContaining(RegistryMain.PASSWORD_ENV);
    assertThatThrownBy(
            () ->
                RegistryMain.parse(
                    new String[] {"--bootstrap-servers", "b:9092", "--port", "x"},
                    LocalSchemaRegistry.builder(),
                    null))
        .hasMessageContaining("--port");
    assertThatCode(
            () ->
                RegistryMain.parse(
                    new String[] {
                      "--bootstrap-servers",
                      "b:9092",
                      "--port",
                      "8081",
                      "--topic",
                      "_s",
                      "--user",
                      "u"
                    },
                    LocalSchemaRegistry.builder(),
                    "pw"))
        .doesNotThrowAnyException();
  }
}
