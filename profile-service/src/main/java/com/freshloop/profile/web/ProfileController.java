package com.freshloop.profile.web;

import com.freshloop.profile.lifecycle.Stage;
import com.freshloop.profile.profiles.BatchRuns;
import com.freshloop.profile.profiles.ClusterModelStore;
import com.freshloop.profile.profiles.ProfileBatch;
import com.freshloop.profile.profiles.Profiles;
import com.freshloop.profile.rfm.Segment;
import com.freshloop.starter.runs.BackgroundRuns;
import com.freshloop.starter.security.CurrentUser;
import com.freshloop.starter.web.BadRequestException;
import com.freshloop.starter.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "profile")
class ProfileController {

    private static final String USER_ID = "[A-Za-z0-9_.:-]{1,64}";
    private static final String TAG = "[a-z0-9_]{1,40}(:[A-Za-z0-9_.-]{1,80})?";

    private final Profiles profiles;
    private final BatchRuns batchRuns;

    ProfileController(Profiles profiles, BatchRuns batchRuns) {
        this.profiles = profiles;
        this.batchRuns = batchRuns;
    }

    /** A page of user ids. */
    record UserPage(int page, int size, List<String> userIds) {}

    @GetMapping("/api/v1/profile/me")
    @Operation(summary = "The caller's own profile: RFM segment, lifecycle stage, cluster and current tags")
    Profiles.ProfileView me() {
        return profiles.view(CurrentUser.id());
    }

    @GetMapping("/admin/v1/profile/users/{userId}")
    @Operation(summary = "Any user's profile (operators)")
    Profiles.ProfileView user(@PathVariable @Pattern(regexp = USER_ID) String userId) {
        return profiles.view(userId);
    }

    @GetMapping("/admin/v1/profile/users")
    @Operation(summary = "Users matching every filter given, e.g. segment=At risk&tag=interest:organic (operators)")
    UserPage find(
            @RequestParam(required = false) @Parameter(description = "RFM segment, e.g. Champions, At risk")
                    String segment,
            @RequestParam(required = false) @Min(0) @Max(99) Integer cluster,
            @RequestParam(required = false) @Parameter(description = "new, active, at_risk, silent_30d, churned")
                    String lifecycle,
            @RequestParam(name = "tag", required = false) @Size(max = 10) List<@Pattern(regexp = TAG) String> tags,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1_000) int size) {
        String segmentLabel = null;
        if (segment != null) {
            try {
                segmentLabel = Segment.fromLabel(segment).label();
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("segment", "unknown segment");
            }
        }
        if (lifecycle != null) {
            try {
                Stage.fromCode(lifecycle);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("lifecycle", "must be one of new, active, at_risk, silent_30d, churned");
            }
        }
        return new UserPage(
                page,
                size,
                profiles.find(segmentLabel, cluster, lifecycle, tags == null ? List.of() : tags, page, size));
    }

    @GetMapping("/admin/v1/profile/segments")
    @Operation(summary = "Number of users per RFM segment, lifecycle stage and cluster (operators)")
    Map<String, Map<String, Long>> sizes() {
        Map<String, Map<String, Long>> sizes = new LinkedHashMap<>();
        sizes.put("segment", counts("segment"));
        sizes.put("lifecycle", counts("lifecycle"));
        sizes.put("cluster", counts("cluster_name"));
        return sizes;
    }

    @GetMapping("/admin/v1/profile/clusters")
    @Operation(summary = "The current clustering model: k, silhouette per k, each cluster's name, size and centroid")
    ClusterModelStore.Description clusters() {
        return profiles.clusterModel()
                .orElseThrow(() -> new NotFoundException("No clustering model yet; run the batch."));
    }

    @PostMapping("/admin/v1/profile/batch")
    @Operation(
            summary = "Start the nightly RFM, lifecycle and clustering batch now (operators; audited)",
            description = "The batch runs in the background: the answer is the run (202, with its URL in"
                    + " Location) to poll at GET /admin/v1/profile/batch/runs/{runId}. While a run is in"
                    + " progress a request joins it (same run id) instead of starting another.")
    @ApiResponse(responseCode = "202", description = "The run started, or the one in progress")
    ResponseEntity<BackgroundRuns.Run<ProfileBatch.Summary>> runBatch() {
        BackgroundRuns.Started<ProfileBatch.Summary> started = batchRuns.start(CurrentUser.name());
        BackgroundRuns.Run<ProfileBatch.Summary> run = started.run();
        profiles.audit(
                CurrentUser.name(),
                "profile.batch.run",
                run.id().toString(),
                started.joined() ? "joined the run in progress" : "started");
        return ResponseEntity.accepted()
                .location(URI.create("/admin/v1/profile/batch/runs/" + run.id()))
                .body(run);
    }

    @GetMapping("/admin/v1/profile/batch/runs/{runId}")
    @Operation(summary = "One batch run: running, succeeded (result: what it did) or failed (error: why) (operators)")
    BackgroundRuns.Run<ProfileBatch.Summary> batchRun(@PathVariable UUID runId) {
        return batchRuns
                .find(runId)
                .orElseThrow(() -> new NotFoundException("No batch run " + runId + " on this instance."));
    }

    @GetMapping("/admin/v1/profile/batch/runs")
    @Operation(summary = "The recent batch runs, newest first (operators)")
    List<BackgroundRuns.Run<ProfileBatch.Summary>> batchRuns() {
        return batchRuns.recent();
    }

    private Map<String, Long> counts(String column) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : profiles.sizes(column)) {
            counts.put(row[0] == null ? "(none)" : (String) row[0], (Long) row[1]);
        }
        return counts;
    }
}
