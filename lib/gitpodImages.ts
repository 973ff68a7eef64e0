/**
 * Every image a Gitpod release pulls, tied to the app version, so `npm run doctor` can ask
 * the registries before any VM exists. Pure data; each list names its source.
 *
 * Gitpod 2022.11.3 (gitpod-io/gitpod tag 2022.11.3, install/kots/manifests):
 *  - kots-app.yaml `spec.additionalImages`: every image the rendered app uses (KOTS lists them
 *    for air-gap bundles; the installer renders Gitpod with exactly these). The file repeats
 *    the list; kept here once, in first-occurrence order. Copy: test/fixtures/gitpod/kots-app.yaml.
 *  - gitpod-installer-job.yaml and gitpod-installation-status.yaml: the installer image.
 *  - kots-preflight.yaml collectors: `runPod` validate-config (installer:release-2022.11.2.16 as
 *    committed; install/kots/Makefile `generate_preflight_checks` merges the Job's pod spec in
 *    with `yq m` without `-x`, which keeps existing values, so that image stays; both installer
 *    tags are checked either way) and the `run` collectors' images (kots-config-check/*,
 *    alpine/semver, alpine/curl).
 *  Not listed: kots-support-bundle.yaml's images (only for support bundles).
 *
 * KOTS admin console, replicatedhq/kots tag v1.102.0: pkg/kotsadm/objects/images.go
 * `GetAdminConsoleImages` with pkg/image/constants.go (generated from .image.env):
 * kotsadm/kotsadm and kotsadm/kotsadm-migrations at `v<kots version>` (pkg/kotsadm/version
 * `KotsadmTag`), minio/minio (`kots install --with-minio` defaults to true), rqlite/rqlite.
 * `minio/mc` (only for the one-off FS→XL MinIO migration of an old install) and `kotsadm/dex`
 * (only with the identity service) are not deployed by a fresh install: KOTS_OPTIONAL_IMAGES.
 */
import { normalizeImageRef } from "./imageRef";

export const GITPOD_APP_VERSION = "2022.11.3";

export interface GitpodRelease {
    readonly appVersion: string;
    /** The KOTS version this project installs the release with (lib/versions.ts pins it too). */
    readonly kotsVersion: string;
    /** kots-app.yaml `spec.additionalImages`, deduplicated, as written upstream. */
    readonly additionalImages: readonly string[];
    /** The installer Job (and installation-status Deployment) image. */
    readonly installerImages: readonly string[];
    /** Images of the app's preflight collectors. */
    readonly preflightImages: readonly string[];
}

export const GITPOD_RELEASES: Readonly<Record<string, GitpodRelease>> = {
    "2022.11.3": {
        appVersion: "2022.11.3",
        kotsVersion: "1.102.0",
        additionalImages: [
            "cr.fluentbit.io/fluent/fluent-bit:1.9.4",
            "busybox:1",
            "b.gcr.io/cloudsql-docker/gce-proxy:1.11",
            "docker.io/bitnami/bitnami-shell:11-debian-11-r60",
            "docker.io/bitnami/minio:2022.12.12-debian-11-r0",
            "docker.io/bitnami/minio:2022.4.29-debian-10-r0",
            "docker.io/bitnami/mysql:5.7.34-debian-10-r55",
            "docker.io/bitnami/rabbitmq:3.11.5-debian-11-r2",
            "docker.io/gitpod/workspace-full:latest",
            "docker.io/library/alpine:3.16",
            "docker.io/library/mysql:5.7.34",
            "docker.io/library/redis:6.2",
            "docker.io/library/registry:2.8.1",
            "docker.io/library/ubuntu:20.04",
            "eu.gcr.io/gitpod-core-dev/build/agent-smith:commit-668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/blobserve:commit-668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/ca-updater:commit-2529db484939a3e73ed6f129dd0add0f767ce394",
            "eu.gcr.io/gitpod-core-dev/build/content-service:commit-668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/dashboard:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/db-migrations:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/docker-up:commit-668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/ide-metrics:commit-668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/ide-proxy:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/ide-service:commit-668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/ide/clion:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/ide/clion:latest",
            "eu.gcr.io/gitpod-core-dev/build/ide/code-desktop-insiders:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/ide/code-desktop:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/ide/code:commit-a65f065d070fcf91a9491e806d9fff26d962e873",
            "eu.gcr.io/gitpod-core-dev/build/ide/code:nightly",
            "eu.gcr.io/gitpod-core-dev/build/ide/goland:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/ide/goland:latest",
            "eu.gcr.io/gitpod-core-dev/build/ide/intellij:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/ide/intellij:latest",
            "eu.gcr.io/gitpod-core-dev/build/ide/jb-backend-plugin:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/ide/jb-backend-plugin:latest",
            "eu.gcr.io/gitpod-core-dev/build/ide/phpstorm:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/ide/phpstorm:latest",
            "eu.gcr.io/gitpod-core-dev/build/ide/pycharm:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/ide/pycharm:latest",
            "eu.gcr.io/gitpod-core-dev/build/ide/rider:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/ide/rider:latest",
            "eu.gcr.io/gitpod-core-dev/build/ide/rubymine:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/ide/rubymine:latest",
            "eu.gcr.io/gitpod-core-dev/build/ide/webstorm:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/ide/webstorm:latest",
            "eu.gcr.io/gitpod-core-dev/build/image-builder-mk3/bob:668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/image-builder-mk3:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/installation-telemetry:commit-668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/openvsx-proxy:commit-668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/proxy:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/public-api-server:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/registry-facade:commit-668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/seccomp-profile-installer:commit-668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/server:commit-5efe589918bf26024480f39e43ed47733ff8ca87",
            "eu.gcr.io/gitpod-core-dev/build/service-waiter:commit-668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/shiftfs-module-loader:commit-668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/supervisor:commit-0ded86b57ca033d2cbb0df77d8845b14aff530f2",
            "eu.gcr.io/gitpod-core-dev/build/workspacekit:commit-668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/ws-daemon:commit-668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/ws-manager-bridge:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "eu.gcr.io/gitpod-core-dev/build/ws-manager:commit-668e50f9f635342acb4eb52115be71fa0dee2a51",
            "eu.gcr.io/gitpod-core-dev/build/ws-proxy:commit-6c7af05e1362e600bbaf73b57d0e318fc8b97abc",
            "quay.io/brancz/kube-rbac-proxy:v0.12.0",
            "eu.gcr.io/gitpod-core-dev/build/server:commit-a50348cca47b4471c77dcb0de820a84cc0f27517",
            "eu.gcr.io/gitpod-core-dev/build/agent-smith:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/blobserve:commit-6c883c70ab109a6d259e331e0d72a411b10cfa01",
            "eu.gcr.io/gitpod-core-dev/build/ca-updater:commit-313e75e99d5db6f5ac4eb71ecc25b8807fdd8366",
            "eu.gcr.io/gitpod-core-dev/build/content-service:commit-6c883c70ab109a6d259e331e0d72a411b10cfa01",
            "eu.gcr.io/gitpod-core-dev/build/dashboard:commit-6771283c3406586e352337675b79ff2ca50f191b",
            "eu.gcr.io/gitpod-core-dev/build/db-migrations:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/docker-up:commit-6c883c70ab109a6d259e331e0d72a411b10cfa01",
            "eu.gcr.io/gitpod-core-dev/build/ide-metrics:commit-6c883c70ab109a6d259e331e0d72a411b10cfa01",
            "eu.gcr.io/gitpod-core-dev/build/ide-proxy:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/ide-service:commit-6c883c70ab109a6d259e331e0d72a411b10cfa01",
            "eu.gcr.io/gitpod-core-dev/build/ide/clion:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/ide/code-desktop-insiders:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/ide/code-desktop:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/ide/goland:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/ide/intellij:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/ide/jb-backend-plugin:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/ide/phpstorm:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/ide/pycharm:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/ide/rider:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/ide/rubymine:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/ide/webstorm:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/image-builder-mk3/bob:6c883c70ab109a6d259e331e0d72a411b10cfa01",
            "eu.gcr.io/gitpod-core-dev/build/image-builder-mk3:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/installation-telemetry:commit-6771283c3406586e352337675b79ff2ca50f191b",
            "eu.gcr.io/gitpod-core-dev/build/openvsx-proxy:commit-8aeb5e189120bd0c8a9dce3159f3f960f875b646",
            "eu.gcr.io/gitpod-core-dev/build/proxy:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/public-api-server:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/registry-facade:commit-6c883c70ab109a6d259e331e0d72a411b10cfa01",
            "eu.gcr.io/gitpod-core-dev/build/seccomp-profile-installer:commit-5d7b9b6cd6b0dd95445ef5f3eef1bc7e8d27845a",
            "eu.gcr.io/gitpod-core-dev/build/server:commit-6771283c3406586e352337675b79ff2ca50f191b",
            "eu.gcr.io/gitpod-core-dev/build/service-waiter:commit-3c79f0c68c9e480f0e8daf65c44a484296161786",
            "eu.gcr.io/gitpod-core-dev/build/shiftfs-module-loader:commit-313e75e99d5db6f5ac4eb71ecc25b8807fdd8366",
            "eu.gcr.io/gitpod-core-dev/build/supervisor:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/workspacekit:commit-6c883c70ab109a6d259e331e0d72a411b10cfa01",
            "eu.gcr.io/gitpod-core-dev/build/ws-daemon:commit-6c883c70ab109a6d259e331e0d72a411b10cfa01",
            "eu.gcr.io/gitpod-core-dev/build/ws-manager-bridge:commit-6771283c3406586e352337675b79ff2ca50f191b",
            "eu.gcr.io/gitpod-core-dev/build/ws-manager:commit-6c883c70ab109a6d259e331e0d72a411b10cfa01",
            "eu.gcr.io/gitpod-core-dev/build/ws-proxy:commit-adff3328ae5722956535c4164c2f5d0946a9664e",
            "eu.gcr.io/gitpod-core-dev/build/installation-telemetry:commit-6c883c70ab109a6d259e331e0d72a411b10cfa01",
        ],
        installerImages: ["eu.gcr.io/gitpod-core-dev/build/installer:release-2022.11.3"],
        preflightImages: [
            "eu.gcr.io/gitpod-core-dev/build/installer:release-2022.11.2.16",
            "eu.gcr.io/gitpod-core-dev/build/kots-config-check/database:sje-kots-config-check.9",
            "alpine/semver",
            "eu.gcr.io/gitpod-core-dev/build/kots-config-check/registry:sje-kots-registry-check.16",
            "eu.gcr.io/gitpod-core-dev/build/kots-config-check/storage:sje-kots-storage-check.9",
            "alpine/curl",
        ],
    },
};

/** What a fresh `kubectl kots install` of each KOTS version deploys (see the header). */
export const KOTS_IMAGES: Readonly<Record<string, readonly string[]>> = {
    "1.102.0": [
        "kotsadm/kotsadm:v1.102.0",
        "kotsadm/kotsadm-migrations:v1.102.0",
        "minio/minio:RELEASE.2023-08-23T10-07-06Z",
        "rqlite/rqlite:7.21.4",
    ],
};

/** KOTS images deployed only in situations this project does not create. */
export const KOTS_OPTIONAL_IMAGES: Readonly<Record<string, readonly string[]>> = {
    "1.102.0": ["minio/mc:RELEASE.2023-08-18T21-57-55Z", "kotsadm/dex:v2.37.0"],
};

/**
 * Images of the list that this project's configuration (in-cluster MySQL, registry and MinIO)
 * does not run, with the condition that would: a missing one is a warning, not a failure.
 * Source: gitpod-io/gitpod 2022.11.3 install/installer/pkg/components/database/objects.go
 * (CloudSQL proxy only without in-cluster DB) and components/minio/{helm.go,azure/constants.go}
 * (the debian-10 MinIO tag only for the Azure storage gateway).
 */
export const CONDITIONAL_IMAGES: Readonly<Record<string, string>> = {
    "b.gcr.io/cloudsql-docker/gce-proxy:1.11": "only with Google Cloud SQL (db_cloudsql_enabled)",
    "docker.io/bitnami/minio:2022.4.29-debian-10-r0": "only with Azure object storage (store_provider azure)",
};

function release(appVersion: string): GitpodRelease {
    const r = Object.prototype.hasOwnProperty.call(GITPOD_RELEASES, appVersion) ? GITPOD_RELEASES[appVersion] : undefined;
    if (!r) {
        throw new Error(`unknown Gitpod release ${JSON.stringify(appVersion)}: its image list is not recorded (known: ${Object.keys(GITPOD_RELEASES).join(", ")})`);
    }
    return r;
}

function kotsImages(kotsVersion: string): readonly string[] {
    const images = Object.prototype.hasOwnProperty.call(KOTS_IMAGES, kotsVersion) ? KOTS_IMAGES[kotsVersion] : undefined;
    if (!images) {
        throw new Error(`unknown KOTS version ${JSON.stringify(kotsVersion)}: its admin-console images are not recorded (known: ${Object.keys(KOTS_IMAGES).join(", ")})`);
    }
    return images;
}

/**
 * Every image installing `appVersion` pulls: the app's images, installer, preflight collectors
 * and the KOTS admin console (for `kotsVersion`, default the release's), fully qualified
 * (`docker.io/library/busybox:1`), deduplicated, in that order. Throws for an unknown version,
 * naming the known ones.
 */
export function gitpodImages(appVersion: string, kotsVersion?: string): readonly string[] {
    const r = release(appVersion);
    const all = [...r.additionalImages, ...r.installerImages, ...r.preflightImages, ...kotsImages(kotsVersion ?? r.kotsVersion)];
    return [...new Set(all.map(normalizeImageRef))];
}

/**
 * The images `gitpodInstaller: installer` pulls: the app's images and the installer image, without
 * the KOTS admin console and the KOTS preflight collectors (only kots runs those).
 */
export function installerModeImages(appVersion: string): readonly string[] {
    const r = release(appVersion);
    return [...new Set([...r.additionalImages, ...r.installerImages].map(normalizeImageRef))];
}

/** Why an image of `gitpodImages` may be absent without harm, or undefined if it is needed. */
export function imageCondition(image: string): string | undefined {
    const canonical = normalizeImageRef(image);
    for (const [ref, when] of Object.entries(CONDITIONAL_IMAGES)) {
        if (normalizeImageRef(ref) === canonical) return when;
    }
    return undefined;
}
