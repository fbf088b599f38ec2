// Partial JSON schemas for the custom resources whose CRDs no reachable registry ships
// (CloudNativePG, its Barman Cloud plugin, the Keycloak Operator). Written by hand from the
// operators' API references (cloudnative-pg.io/documentation, keycloak.org/operator), they cover
// the fields deploy/k8s uses: types, required fields, enums, and no unknown field where a
// section is listed in full. They are weaker than a real CRD: a field that is wrong in the
// reference and here alike passes. Strimzi's CRDs, by contrast, are generated from Strimzi's
// own classes (strimzi-crds.sh); KEDA and Prometheus Operator models come from npm.

const str = { type: "string" };
const bool = { type: "boolean" };
const int = { type: "integer" };
const quantity = { anyOf: [{ type: "string", pattern: "^[0-9.]+([EPTGMK]i?|[mkMGTPE]|e[0-9]+)?$" }, { type: "number" }] };
const resources = {
  type: "object",
  additionalProperties: false,
  properties: {
    requests: { type: "object", additionalProperties: quantity },
    limits: { type: "object", additionalProperties: quantity },
  },
};
const secretRef = { type: "object", required: ["name"], additionalProperties: false, properties: { name: str } };
const secretKeyRef = {
  type: "object", required: ["name", "key"], additionalProperties: false,
  properties: { name: str, key: str },
};
const storage = {
  type: "object", required: ["size"], additionalProperties: false,
  properties: { size: quantity, storageClass: str, resizeInUseVolumes: bool, pvcTemplate: { type: "object" } },
};

const cnpgCluster = {
  type: "object",
  required: ["spec"],
  properties: {
    spec: {
      type: "object",
      required: ["instances", "storage"],
      additionalProperties: false,
      properties: {
        instances: { type: "integer", minimum: 1 },
        imageName: str,
        imageCatalogRef: { type: "object" },
        primaryUpdateStrategy: { enum: ["supervised", "unsupervised"] },
        primaryUpdateMethod: { enum: ["switchover", "restart"] },
        storage,
        walStorage: storage,
        affinity: {
          type: "object", additionalProperties: false,
          properties: {
            enablePodAntiAffinity: bool, topologyKey: str, podAntiAffinityType: { enum: ["preferred", "required"] },
            nodeSelector: { type: "object" }, tolerations: { type: "array" },
          },
        },
        resources,
        postgresql: {
          type: "object",
          properties: {
            parameters: { type: "object", additionalProperties: str },
            pg_hba: { type: "array", items: str },
          },
        },
        bootstrap: {
          type: "object", additionalProperties: false,
          properties: {
            initdb: {
              type: "object", additionalProperties: false,
              properties: {
                database: str, owner: str, secret: secretRef, encoding: str, localeCollate: str, localeCType: str,
                dataChecksums: bool, postInitSQL: { type: "array" }, postInitApplicationSQL: { type: "array" },
              },
            },
            recovery: { type: "object" },
            pg_basebackup: { type: "object" },
          },
        },
        managed: {
          type: "object", additionalProperties: false,
          properties: {
            roles: {
              type: "array",
              items: {
                type: "object", required: ["name"], additionalProperties: false,
                properties: {
                  name: str, ensure: { enum: ["present", "absent"] }, login: bool, superuser: bool,
                  createdb: bool, createrole: bool, inherit: bool, replication: bool, bypassrls: bool,
                  connectionLimit: int, comment: str, passwordSecret: secretRef, disablePassword: bool,
                  validUntil: str, inRoles: { type: "array", items: str },
                },
              },
            },
            services: { type: "object" },
          },
        },
        plugins: {
          type: "array",
          items: {
            type: "object", required: ["name"], additionalProperties: false,
            properties: { name: str, enabled: bool, isWALArchiver: bool, parameters: { type: "object", additionalProperties: str } },
          },
        },
        backup: { type: "object" },
        monitoring: { type: "object" },
        superuserSecret: secretRef,
        enableSuperuserAccess: bool,
        description: str,
      },
    },
  },
};

const cnpgDatabase = {
  type: "object",
  required: ["spec"],
  properties: {
    spec: {
      type: "object", required: ["name", "owner", "cluster"], additionalProperties: false,
      properties: {
        name: str, owner: str, cluster: secretRef, ensure: { enum: ["present", "absent"] },
        databaseReclaimPolicy: { enum: ["retain", "delete"] }, encoding: str, extensions: { type: "array" },
        schemas: { type: "array" },
      },
    },
  },
};

const cnpgScheduledBackup = {
  type: "object",
  required: ["spec"],
  properties: {
    spec: {
      type: "object", required: ["schedule", "cluster"], additionalProperties: false,
      properties: {
        // Six cron fields, seconds first.
        schedule: { type: "string", pattern: "^\\S+( \\S+){5}$" },
        cluster: secretRef,
        method: { enum: ["barmanObjectStore", "volumeSnapshot", "plugin"] },
        pluginConfiguration: {
          type: "object", required: ["name"], additionalProperties: false,
          properties: { name: str, parameters: { type: "object", additionalProperties: str } },
        },
        backupOwnerReference: { enum: ["none", "self", "cluster"] },
        immediate: bool, suspend: bool, target: { enum: ["primary", "prefer-standby"] },
      },
    },
  },
};

const s3Credentials = {
  type: "object", additionalProperties: false,
  properties: { accessKeyId: secretKeyRef, secretAccessKey: secretKeyRef, region: secretKeyRef, sessionToken: secretKeyRef, inheritFromIAMRole: bool },
};
const compression = { type: "object", properties: { compression: { enum: ["gzip", "bzip2", "snappy", "lz4", "xz", "zstd"] } } };
const barmanObjectStore = {
  type: "object",
  required: ["spec"],
  properties: {
    spec: {
      type: "object", required: ["configuration"], additionalProperties: false,
      properties: {
        retentionPolicy: { type: "string", pattern: "^[1-9][0-9]*[dwm]$" },
        configuration: {
          type: "object", required: ["destinationPath"], additionalProperties: false,
          properties: {
            destinationPath: { type: "string", pattern: "^(s3|gs|https?)://" },
            endpointURL: str, s3Credentials, azureCredentials: { type: "object" }, googleCredentials: { type: "object" },
            wal: compression, data: compression, tags: { type: "object" }, historyTags: { type: "object" },
          },
        },
        instanceSidecarConfiguration: { type: "object" },
      },
    },
  },
};

const keycloak = {
  type: "object",
  required: ["spec"],
  properties: {
    spec: {
      type: "object", additionalProperties: false,
      properties: {
        instances: { type: "integer", minimum: 1 },
        image: str,
        db: {
          type: "object", required: ["vendor"], additionalProperties: false,
          properties: {
            vendor: str, host: str, port: int, database: str, schema: str, url: str,
            usernameSecret: secretKeyRef, passwordSecret: secretKeyRef,
            poolInitialSize: int, poolMinSize: int, poolMaxSize: int,
          },
        },
        http: {
          type: "object", additionalProperties: false,
          properties: { httpEnabled: bool, httpPort: int, httpsPort: int, tlsSecret: str, annotations: { type: "object" }, labels: { type: "object" } },
        },
        hostname: {
          type: "object", additionalProperties: false,
          properties: { hostname: str, admin: str, strict: bool, backchannelDynamic: bool },
        },
        proxy: { type: "object", additionalProperties: false, properties: { headers: { enum: ["forwarded", "xforwarded"] } } },
        ingress: {
          type: "object", additionalProperties: false,
          properties: { enabled: bool, className: str, annotations: { type: "object" }, labels: { type: "object" }, tlsSecret: str },
        },
        networkPolicy: { type: "object", properties: { enabled: bool } },
        resources,
        features: { type: "object" },
        additionalOptions: { type: "array" },
        bootstrapAdmin: { type: "object" },
        transaction: { type: "object" },
        unsupported: { type: "object" },
      },
    },
  },
};

const keycloakRealmImport = {
  type: "object",
  required: ["spec"],
  properties: {
    spec: {
      type: "object", required: ["keycloakCRName", "realm"], additionalProperties: false,
      properties: {
        keycloakCRName: str,
        realm: { type: "object", required: ["realm"], properties: { realm: str, enabled: bool, users: { type: "array" }, clients: { type: "array" } } },
        placeholders: { type: "object" },
        resources,
      },
    },
  },
};

/** apiVersion/kind -> partial schema. */
export const OPERATOR_SCHEMAS = {
  "postgresql.cnpg.io/v1/Cluster": cnpgCluster,
  "postgresql.cnpg.io/v1/Database": cnpgDatabase,
  "postgresql.cnpg.io/v1/ScheduledBackup": cnpgScheduledBackup,
  "barmancloud.cnpg.io/v1/ObjectStore": barmanObjectStore,
  "k8s.keycloak.org/v2alpha1/Keycloak": keycloak,
  "k8s.keycloak.org/v2alpha1/KeycloakRealmImport": keycloakRealmImport,
};
