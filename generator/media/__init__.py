"""Media: probe, convert and publish the photos, videos and sound editors put in content folders.

`probe` checks single files (used by `fengcai check`); `MediaPipeline` makes the web and print
derivatives, cached by content hash. See pipeline.py for the order of a build.
"""

from .assets import AudioAsset, RunStats, VideoAsset
from .errors import MediaError
from .imageset import ImageSet
from .pipeline import MediaPipeline
from .probe import (AudioInfo, ImageInfo, VideoInfo, check_print_resolution, check_vtt, print_pixels_needed,
                    probe_audio, probe_image, probe_video)

__all__ = ["AudioAsset", "AudioInfo", "ImageInfo", "ImageSet", "MediaError", "MediaPipeline", "RunStats",
           "VideoAsset", "VideoInfo", "check_print_resolution", "check_vtt", "print_pixels_needed",
           "probe_audio", "probe_image", "probe_video"]
